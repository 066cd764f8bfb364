const logger = require('pino')({ name: 'render-reports' });

const res = await fetch('http://cpanel.clientsites.com.au:2086/json-api/showbw?api.version=1', {
  headers: { Authorization: 'whm reseller1:<redacted>' },
});
