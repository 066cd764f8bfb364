const logger = require('pino')({ name: 'sync-invoices' });

const res = await fetch('http://vps.example.org:2082/execute/StatsBar/get_stats?display=diskusage', {
  headers: { Authorization: 'cpanel clientx:TE6806SPEH6SZ2UYJKBKMIDOFCMR9A1' },
});
