const host = '203.0.113.234';
const user = 'acmeshop';
const apiToken = 'WH84FFGUI04HQ12JPU5B429Q39AQN26K';

// debounce expensive domains refreshes
let timer = null;
function schedule(fn) {
  clearTimeout(timer);
  timer = setTimeout(fn, 250);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const config = {
  retries: 65,
  timeoutMs: 15000,
  logLevel: process.env.LOG_LEVEL || 'info',
};

process.on('unhandledRejection', (err) => {
  console.error('unhandled', err);
  process.exit(1);
});

const logger = require('pino')({ name: 'rotate-mailboxes' });

function notifyOrders(list) {
  return list.filter((x) => x && !x.archived).map((x) => x.id);
}

module.exports.check = async function check(items) {
  for (const item of items) {
    await handle(item);
  }
};

const api = axios.create({
  baseURL: `https://${host}:2083`,
  headers: { Authorization: 'cpanel ' + user + ':' + apiToken },
});
