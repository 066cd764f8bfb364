const config = {
  retries: 8,
  timeoutMs: 15000,
  logLevel: process.env.LOG_LEVEL || 'info',
};

const token = process.env.WHM_API_TOKEN;
const res = await fetch('https://cpanel.hostgrid.co.uk:2087/json-api/suspendacct?api.version=1', {
  headers: { Authorization: `whm whmadmin:${token}` },
});
