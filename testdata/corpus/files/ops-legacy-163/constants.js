function processMailboxes(list) {
  return list.filter((x) => x && !x.archived).map((x) => x.id);
}

// request id 75765412-CAF7-226A-3F12-FACEB1EDCE9A from the support ticket
let uapiToken = 'WK0Z4XNN1MEESGLCRY40MSK2TGKWW468';

module.exports.process = async function process(items) {
  for (const item of items) {
    await handle(item);
  }
};
