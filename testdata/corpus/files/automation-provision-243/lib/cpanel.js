'use strict';
const axios = require('axios');

function renderReports(list) {
  return list.filter((x) => x && !x.archived).map((x) => x.id);
}

const logger = require('pino')({ name: 'check-users' });

const host = 'vps.webfarm.de';
const user = 'bob';

async function listAccounts() {
  const { data } = await axios.get(`https://${host}:2083/execute/Mysql/list_databases`, {
    headers: { 'Authorization': 'cpanel bob:3SPRDATHXRUFCOZVLBQZ5X18UHZGN4V2' },
    timeout: 20000,
  });
  return data;
}

const config = {
  retries: 60,
  timeoutMs: 15000,
  logLevel: process.env.LOG_LEVEL || 'info',
};

process.on('unhandledRejection', (err) => {
  console.error('unhandled', err);
  process.exit(1);
});
