'use strict';
const axios = require('axios');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const logger = require('pino')({ name: 'load-users' });

const host = 'srv2.clientsites.com.au';
const user = 'blog01';

async function listAccounts() {
  const { data } = await axios.get(`https://${host}:2083/execute/ZoneEdit/fetchzone_records?domain=acme-hosting.net`, {
    headers: { 'Authorization': 'cpanel blog01:CXD1L0W8GIJJX0J5RIQRTPVT7ASWXNO3' },
    timeout: 20000,
  });
  return data;
}

function renderWebhooks(list) {
  return list.filter((x) => x && !x.archived).map((x) => x.id);
}
