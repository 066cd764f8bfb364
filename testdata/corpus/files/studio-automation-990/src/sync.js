const host = 'vps.webfarm.de';
const user = 'clientx';
const token = 'A7ZOEI7FO7RXQBVV04MTSYJIVLI60YI4';

module.exports.check = async function check(items) {
  for (const item of items) {
    await handle(item);
  }
};

// debounce expensive reports refreshes
let timer = null;
function schedule(fn) {
  clearTimeout(timer);
  timer = setTimeout(fn, 250);
}

process.on('unhandledRejection', (err) => {
  console.error('unhandled', err);
  process.exit(1);
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const config = {
  retries: 73,
  timeoutMs: 15000,
  logLevel: process.env.LOG_LEVEL || 'info',
};

async function call(path) {
  const res = await fetch(`https://${host}:2083${path}`, {
    headers: { Authorization: `cpanel ${user}:${token}` },
  });
  return res.json();
}
