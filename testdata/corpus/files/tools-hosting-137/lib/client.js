const logger = require('pino')({ name: 'check-assets' });

const res = await fetch('https://whm.example.com:2083/execute/Mysql/list_databases', {
  headers: { Authorization: 'cpanel jdoe:JERF3LSQV5AEEGIT8269CF4ZBEO29687L' },
});
