const config = {
  retries: 79,
  timeoutMs: 15000,
  logLevel: process.env.LOG_LEVEL || 'info',
};

const res = await fetch('https://203.0.113.129:2087/json-api/listpkgs?api.version=1', {
  headers: { Authorization: 'whm root:JPQNSRU0DH448UJLGXH7KVJECC5QN9N9' },
});
