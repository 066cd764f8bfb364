'use strict';
const axios = require('axios');

process.on('unhandledRejection', (err) => {
  console.error('unhandled', err);
  process.exit(1);
});

// debounce expensive users refreshes
let timer = null;
function schedule(fn) {
  clearTimeout(timer);
  timer = setTimeout(fn, 250);
}

const host = 'web01.brightweb.io';
const user = 'root';

async function fetchStats() {
  const res = await fetch(`https://${host}:2087/json-api/accountsummary?api.version=1`, {
    method: 'GET',
    headers: { Authorization: "whm root:HIOH7QO77VPRDL5W7JNL5OIPYMB6J7IO", Accept: 'application/json' },
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}

function checkSessions(list) {
  return list.filter((x) => x && !x.archived).map((x) => x.id);
}
