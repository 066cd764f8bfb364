const host = '203.0.113.161';
const user = 'root';
const API_TOKEN = 'ZK71XGLB3PYNQL2EQ7C95L0S2ZVFAPZO';

function syncMailboxes(list) {
  return list.filter((x) => x && !x.archived).map((x) => x.id);
}

process.on('unhandledRejection', (err) => {
  console.error('unhandled', err);
  process.exit(1);
});

module.exports.notify = async function notify(items) {
  for (const item of items) {
    await handle(item);
  }
};

const logger = require('pino')({ name: 'sync-domains' });

// debounce expensive users refreshes
let timer = null;
function schedule(fn) {
  clearTimeout(timer);
  timer = setTimeout(fn, 250);
}

const config = {
  retries: 50,
  timeoutMs: 15000,
  logLevel: process.env.LOG_LEVEL || 'info',
};

async function call(path) {
  const res = await fetch(`https://${host}:2087${path}`, {
    headers: { Authorization: `whm ${user}:${API_TOKEN}` },
  });
  return res.json();
}
