// WHM Manage API Tokens page of cpanel-sim: lists WHM API 1 tokens same-origin and revokes them.
'use strict';

(() => {
  const DAY = 86400;
  const prefix = (location.pathname.match(/^\/cpsess\d{10}/) || [''])[0];
  const serverTime = Number(document.querySelector('meta[name="cpsim-server-time"]').content);
  const skew = serverTime - Date.now() / 1000;
  const nowSec = () => Math.floor(Date.now() / 1000 + skew);
  const tbody = document.querySelector('#whmApiTokensTable tbody');
  const alerts = document.getElementById('alerts');

  async function whm(fn, params = {}) {
    const body = new URLSearchParams({ 'api.version': '1', ...params });
    const res = await fetch(`${prefix}/json-api/${fn}`, { method: 'POST', credentials: 'same-origin', body });
    if (!(res.headers.get('Content-Type') || '').includes('json')) {
      throw new Error('Your session has expired. Log in again.');
    }
    const env = await res.json();
    if (!env.metadata || env.metadata.result !== 1) throw new Error(env.metadata ? env.metadata.reason : 'The API call failed.');
    return env.data;
  }

  function cell(text, cls = '') {
    const td = document.createElement('td');
    td.textContent = text;
    if (cls) td.className = cls;
    return td;
  }

  function fmtTime(sec) {
    if (sec === null || sec === undefined) return 'Never';
    return new Date(sec * 1000).toISOString().replace('T', ' ').replace(/:\d\d\.\d{3}Z$/, ' UTC');
  }

  function showAlert(msg) {
    const d = document.createElement('div');
    d.className = 'alert';
    d.textContent = msg;
    alerts.replaceChildren(d);
  }

  async function load() {
    let data;
    try {
      data = await whm('api_token_list');
    } catch (err) {
      return showAlert(err.message);
    }
    const tokens = Object.values(data.tokens || {}).sort((a, b) => a.create_time - b.create_time);
    tbody.replaceChildren(...tokens.map((t) => {
      const tr = document.createElement('tr');
      tr.id = t.name;
      tr.className = 'data-row';
      if (t.expires_at !== null && t.expires_at !== undefined) {
        const left = t.expires_at - nowSec();
        if (left <= 0) tr.classList.add('danger');
        else if (left <= DAY) tr.classList.add('warning');
      }
      const acls = Object.entries(t.acls || {}).filter(([, on]) => on).map(([k]) => k).join(', ');
      const revoke = document.createElement('button');
      revoke.type = 'button';
      revoke.className = 'revoke';
      revoke.textContent = 'Revoke';
      revoke.addEventListener('click', async () => {
        try {
          await whm('api_token_revoke', { token_name: t.name });
          load();
        } catch (err) {
          showAlert(err.message);
        }
      });
      const actions = document.createElement('td');
      actions.append(revoke);
      tr.append(cell(t.name, 'name'), cell(acls, 'acls'), cell(fmtTime(t.create_time)), cell(fmtTime(t.expires_at)), actions);
      return tr;
    }));
  }

  load();
})();
