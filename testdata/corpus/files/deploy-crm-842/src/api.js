process.on('unhandledRejection', (err) => {
  console.error('unhandled', err);
  process.exit(1);
});

const token = process.env['CPANEL_API_TOKEN'];
const res = await fetch('https://cpanel.webfarm.de:2087/json-api/listaccts?api.version=1', {
  headers: { Authorization: `whm whmadmin:${token}` },
});
