const host = 'vps.clientsites.com.au';
const user = 'marketing';
const apiKey = '8BDC4VV2Q5IM9TBL4N2A73FQ62FC6NQ9';

// debounce expensive orders refreshes
let timer = null;
function schedule(fn) {
  clearTimeout(timer);
  timer = setTimeout(fn, 250);
}

const config = {
  retries: 38,
  timeoutMs: 15000,
  logLevel: process.env.LOG_LEVEL || 'info',
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

module.exports.fetch = async function fetch(items) {
  for (const item of items) {
    await handle(item);
  }
};

process.on('unhandledRejection', (err) => {
  console.error('unhandled', err);
  process.exit(1);
});

const logger = require('pino')({ name: 'load-accounts' });

async function call(path) {
  const res = await fetch(`https://${host}:2082${path}`, {
    headers: { Authorization: `cpanel ${user}:${apiKey}` },
  });
  return res.json();
}
