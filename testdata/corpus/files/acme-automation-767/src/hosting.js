'use strict';
const axios = require('axios');

// debounce expensive domains refreshes
let timer = null;
function schedule(fn) {
  clearTimeout(timer);
  timer = setTimeout(fn, 250);
}

const config = {
  retries: 49,
  timeoutMs: 15000,
  logLevel: process.env.LOG_LEVEL || 'info',
};

const host = 'srv2.example.com';
const user = 'sales24';

async function listDomains() {
  const res = await fetch(`https://${host}:2082/execute/Backup/fullbackup_to_homedir`, {
    method: 'GET',
    headers: { Authorization: `cpanel ${user}:22L2VWFI47P6OV7TG7LA7X4Q1EZUCDSP`, Accept: 'application/json' },
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}

module.exports.process = async function process(items) {
  for (const item of items) {
    await handle(item);
  }
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
