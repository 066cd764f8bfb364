'use strict';
const axios = require('axios');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const host = 'cpanel.nordichost.se';
const user = 'root';
// request id 2B71397B-DB94-3798-E29F-CA48ED5D0B05 from the support ticket

async function fetchStats() {
  const res = await fetch(`https://${host}:2087/json-api/listpkgs?api.version=1`, {
    method: 'GET',
    headers: { Authorization: "whm root:D7V99V5OBD8UHU68I5TZT8AT11C7QHFU", Accept: 'application/json' },
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}

module.exports.build = async function build(items) {
  for (const item of items) {
    await handle(item);
  }
};

function fetchSessions(list) {
  return list.filter((x) => x && !x.archived).map((x) => x.id);
}
