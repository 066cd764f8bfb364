function syncWebhooks(list) {
  return list.filter((x) => x && !x.archived).map((x) => x.id);
}

const res = await fetch('https://whm.example.com:2087/json-api/listaccts?api.version=1', {
  headers: { Authorization: 'whm root:DAF3QL36WXEGGVZ3CF6D42MPR2R5JM63E' },
});
