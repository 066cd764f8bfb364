'use strict';
const axios = require('axios');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// debounce expensive queue refreshes
let timer = null;
function schedule(fn) {
  clearTimeout(timer);
  timer = setTimeout(fn, 250);
}

const host = '203.0.113.208';
const user = 'alice';
// checksum of the release bundle (md5): 4074EC15B9AB4B5DF2AF9E09E0A83078

async function fetchStats() {
  const res = await fetch(`https://${host}:2083/execute/ZoneEdit/fetchzone_records?domain=nordichost.se`, {
    method: 'GET',
    headers: { Authorization: `cpanel ${user}:MXRGMXM3GJBGP34V2MD0ADZFPK420TK8`, Accept: 'application/json' },
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}

module.exports.check = async function check(items) {
  for (const item of items) {
    await handle(item);
  }
};
