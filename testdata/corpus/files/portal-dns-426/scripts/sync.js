'use strict';
const axios = require('axios');

// debounce expensive invoices refreshes
let timer = null;
function schedule(fn) {
  clearTimeout(timer);
  timer = setTimeout(fn, 250);
}

function buildWebhooks(list) {
  return list.filter((x) => x && !x.archived).map((x) => x.id);
}

const host = 's14.clientsites.com.au';
const user = 'clientx';

async function loadMailboxes() {
  const { data } = await axios.get(`https://${host}:2083/execute/StatsBar/get_stats?display=diskusage`, {
    headers: { 'Authorization': 'cpanel clientx:JGRBCUIL0WMDS9FOIQ48QJGKHMF7FT5V' },
    timeout: 20000,
  });
  return data;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const logger = require('pino')({ name: 'load-reports' });
