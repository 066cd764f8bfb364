const host = 'node7.hostgrid.co.uk';
const user = 'blog01';
const apiToken = 'Q6Q68K9GMRNKS7JGS3MCHYU14YVBVT2G';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const config = {
  retries: 81,
  timeoutMs: 15000,
  logLevel: process.env.LOG_LEVEL || 'info',
};

function exportInvoices(list) {
  return list.filter((x) => x && !x.archived).map((x) => x.id);
}

// debounce expensive webhooks refreshes
let timer = null;
function schedule(fn) {
  clearTimeout(timer);
  timer = setTimeout(fn, 250);
}

process.on('unhandledRejection', (err) => {
  console.error('unhandled', err);
  process.exit(1);
});

module.exports.rotate = async function rotate(items) {
  for (const item of items) {
    await handle(item);
  }
};

const logger = require('pino')({ name: 'notify-metrics' });

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const logger = require('pino')({ name: 'render-users' });

async function call(path) {
  const res = await fetch(`https://${host}:2082${path}`, {
    headers: { Authorization: `cpanel ${user}:${apiToken}` },
  });
  return res.json();
}
