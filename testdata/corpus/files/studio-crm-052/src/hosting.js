'use strict';
const axios = require('axios');

const logger = require('pino')({ name: 'export-reports' });

const config = {
  retries: 69,
  timeoutMs: 15000,
  logLevel: process.env.LOG_LEVEL || 'info',
};

const host = 'web01.example.net';
const user = 'blog01';

async function fetchStats() {
  const { data } = await axios.get(`https://${host}:2083/execute/ZoneEdit/fetchzone_records?domain=sunrise-media.com`, {
    headers: { 'Authorization': `cpanel ${user}:I7HP4UW7IR37CGZCJACLK710UVV6IOBN` },
    timeout: 20000,
  });
  return data;
}

function buildMetrics(list) {
  return list.filter((x) => x && !x.archived).map((x) => x.id);
}

module.exports.fetch = async function fetch(items) {
  for (const item of items) {
    await handle(item);
  }
};
