// Manage API Tokens page of cpanel-sim. Mirrors the markers and data flow of cPanel's Jupiter
// app so a browser extension can be tested against it; all data comes from same-origin UAPI calls.
'use strict';

(() => {
  const PAGE_SIZE = 20;
  const DAY = 86400;
  const prefix = (location.pathname.match(/^\/cpsess\d{10}/) || [''])[0];
  const serverTime = Number(document.querySelector('meta[name="cpsim-server-time"]').content);
  // Offset between the simulator clock and this browser, so expiry colours match the server.
  const skew = serverTime - Date.now() / 1000;
  const nowSec = () => Math.floor(Date.now() / 1000 + skew);
  const view = document.getElementById('viewContent');
  const alerts = document.getElementById('alerts');

  const state = { tokens: [], filter: '', page: 0, flash: '' };

  class SessionExpired extends Error {}

  // uapi POSTs a Tokens function and returns the envelope; HTML means the session is gone.
  async function uapi(fn, params = {}) {
    const res = await fetch(`${prefix}/execute/Tokens/${fn}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params),
    });
    const type = res.headers.get('Content-Type') || '';
    if (!type.includes('json')) {
      throw new SessionExpired('Your session has expired. Log in again.');
    }
    if (!res.ok) {
      throw new Error(`The server answered ${res.status}.`);
    }
    return res.json();
  }

  function el(tag, attrs = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    }
    for (const c of children) e.append(c);
    return e;
  }

  function fmtTime(sec) {
    if (sec === null || sec === undefined) return 'Never';
    return new Date(sec * 1000).toISOString().replace('T', ' ').replace(/:\d\d\.\d{3}Z$/, ' UTC');
  }

  function expiryClass(t) {
    if (t.expires_at === null || t.expires_at === undefined) return '';
    const left = t.expires_at - nowSec();
    if (left <= 0) return 'danger';
    if (left <= DAY) return 'warning';
    return '';
  }

  function showAlert(msg, kind = 'error') {
    alerts.replaceChildren(el('div', { class: `alert ${kind === 'success' ? 'success' : ''}`, text: msg }));
  }

  function clearAlert() {
    alerts.replaceChildren();
  }

  function fail(err) {
    showAlert(err.message);
    if (err instanceof SessionExpired) view.replaceChildren();
  }

  function envelopeError(env) {
    return (env.errors && env.errors.join(' ')) || 'The API call failed.';
  }

  async function loadTokens() {
    const env = await uapi('list');
    if (!env.status) throw new Error(envelopeError(env));
    state.tokens = env.data || [];
  }

  function route() {
    const hash = location.hash || '#/';
    const [path, query = ''] = hash.slice(1).split('?');
    const params = new URLSearchParams(query);
    view.dataset.route = path;
    clearAlert();
    if (state.flash) {
      showAlert(state.flash, 'success');
      state.flash = '';
    }
    if (path === '/create') return renderCreate();
    if (path === '/manage') return renderManage(params.get('token') || '');
    return renderList();
  }

  async function renderList() {
    view.replaceChildren(el('p', { class: 'loading', text: 'Loading…' }));
    try {
      await loadTokens();
    } catch (err) {
      return fail(err);
    }
    const filterBox = el('input', {
      id: 'apiTokensItemLister_search', type: 'search', placeholder: 'Search', 'aria-label': 'Search',
      value: state.filter,
      oninput: (e) => { state.filter = e.target.value; state.page = 0; drawTable(); },
    });
    const createBtn = el('a', { id: 'btnCreate', class: 'btn', href: '#/create', text: 'Create' });
    const table = el('table', { id: 'apiTokensItemLister_items_table', class: 'table' },
      el('thead', {}, el('tr', {},
        el('th', { text: 'Name' }), el('th', { text: 'Created' }),
        el('th', { text: 'Expires' }), el('th', { text: 'Manage' }))),
      el('tbody'));
    const pager = el('div', { id: 'apiTokensItemLister_pagination', class: 'pagination' });
    view.replaceChildren(el('div', { class: 'toolbar' }, filterBox, createBtn), table, pager);
    drawTable();
  }

  function visibleTokens() {
    const f = state.filter.toLowerCase();
    return state.tokens.filter((t) => t.name.toLowerCase().includes(f));
  }

  function drawTable() {
    const tbody = document.querySelector('#apiTokensItemLister_items_table tbody');
    const pager = document.getElementById('apiTokensItemLister_pagination');
    const rows = visibleTokens();
    const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
    state.page = Math.min(state.page, pages - 1);
    const slice = rows.slice(state.page * PAGE_SIZE, (state.page + 1) * PAGE_SIZE);
    tbody.replaceChildren(...slice.map((t) => {
      const tr = el('tr', { class: `data-row ${expiryClass(t)}`.trim(), id: t.name },
        el('td', { class: 'name', text: t.name }),
        el('td', { class: 'create-time', text: fmtTime(t.create_time) }),
        el('td', { class: 'expires-at', text: fmtTime(t.expires_at) }),
        el('td', {}, el('a', { class: 'manage', href: `#/manage?token=${encodeURIComponent(t.name)}`, text: 'Manage' })));
      return tr;
    }));
    if (rows.length === 0) {
      tbody.append(el('tr', { class: 'empty-row' }, el('td', { colspan: '4', text: state.tokens.length ? 'No API tokens match your search.' : 'No API tokens.' })));
    }
    pager.replaceChildren(
      el('button', { id: 'btnPrevPage', type: 'button', text: 'Previous', ...(state.page === 0 ? { disabled: '' } : {}), onclick: () => { state.page--; drawTable(); } }),
      el('span', { id: 'lblPage', text: `Page ${state.page + 1} of ${pages} (${rows.length} tokens)` }),
      el('button', { id: 'btnNextPage', type: 'button', text: 'Next', ...(state.page >= pages - 1 ? { disabled: '' } : {}), onclick: () => { state.page++; drawTable(); } }));
  }

  function renderCreate() {
    const name = el('input', { id: 'txtTokenName', name: 'name', maxlength: '50', required: '', pattern: '[A-Za-z0-9_\\-]{1,50}' });
    const never = el('input', { id: 'chkNeverExpires', type: 'checkbox', checked: '' });
    const date = el('input', { id: 'txtExpiresAt', type: 'date', disabled: '' });
    never.addEventListener('change', () => { date.disabled = never.checked; });
    const form = el('form', { id: 'frmCreateToken', onsubmit: async (e) => {
      e.preventDefault();
      const params = { name: name.value };
      if (!never.checked && date.value) {
        params.expires_at = String(Math.floor(Date.parse(`${date.value}T23:59:59Z`) / 1000));
      }
      try {
        const env = await uapi('create_full_access', params);
        if (!env.status) return showAlert(envelopeError(env));
        renderCreated(name.value, env.data);
      } catch (err) {
        fail(err);
      }
    } },
    el('label', { for: 'txtTokenName', text: 'API Token Name' }), name,
    el('label', {}, never, ' The API Token will not expire.'),
    el('label', { for: 'txtExpiresAt', text: 'Expiration date' }), date,
    el('button', { id: 'btnCreateToken', type: 'submit', text: 'Create' }),
    el('a', { id: 'btnCancel', href: '#/', text: 'Go Back' }));
    view.replaceChildren(el('h2', { text: 'Create API Token' }), form);
  }

  // renderCreated shows the new value once; leaving the screen drops it from the DOM for good.
  function renderCreated(name, data) {
    const value = el('input', { id: 'txtTokenValue', class: 'token-value', readonly: '', value: data.token });
    const copy = el('button', { id: 'btnCopyToken', type: 'button', text: 'Copy', onclick: async () => {
      value.select();
      try {
        await navigator.clipboard.writeText(value.value);
      } catch {
        document.execCommand('copy');
      }
      copy.textContent = 'Copied';
    } });
    view.replaceChildren(
      el('h2', { text: 'Token Created' }),
      el('p', { id: 'lblTokenCreated', text: `The “${name}” API token was created.` }),
      el('p', { class: 'warning-notice', text: 'Copy the token now: it will not be shown again.' }),
      el('div', { id: 'tokenValueBox' }, value, copy),
      el('a', { id: 'btnDone', href: '#/', text: 'Yes, I saved my token' }));
  }

  async function renderManage(name) {
    view.replaceChildren(el('p', { class: 'loading', text: 'Loading…' }));
    try {
      await loadTokens();
    } catch (err) {
      return fail(err);
    }
    const t = state.tokens.find((x) => x.name === name);
    if (!t) {
      view.replaceChildren(el('a', { href: '#/', text: 'Go Back' }));
      return showAlert(`The API token “${name}” does not exist.`);
    }
    const newName = el('input', { id: 'txtNewName', value: t.name, maxlength: '50' });
    const rename = el('form', { id: 'frmRename', onsubmit: async (e) => {
      e.preventDefault();
      try {
        const env = await uapi('rename', { name: t.name, new_name: newName.value });
        if (!env.status) return showAlert(envelopeError(env));
        location.hash = `#/manage?token=${encodeURIComponent(newName.value)}`;
      } catch (err) {
        fail(err);
      }
    } }, el('label', { for: 'txtNewName', text: 'Name' }), newName, el('button', { id: 'btnRename', type: 'submit', text: 'Update' }));
    const confirmBox = el('div', { id: 'revokeConfirm', hidden: '' },
      el('span', { text: `Revoke “${t.name}”? Anything using it will stop working.` }),
      el('button', { id: 'btnConfirmRevoke', type: 'button', text: 'Yes, Revoke', onclick: async () => {
        try {
          const env = await uapi('revoke', { name: t.name });
          if (!env.status) return showAlert(envelopeError(env));
          state.flash = `The “${t.name}” API token was revoked.`;
          location.hash = '#/';
        } catch (err) {
          fail(err);
        }
      } }),
      el('button', { id: 'btnCancelRevoke', type: 'button', text: 'Cancel', onclick: () => { confirmBox.hidden = true; } }));
    const cls = expiryClass(t);
    view.replaceChildren(
      el('h2', { text: 'Manage API Token' }),
      el('dl', { id: 'tokenDetails', class: cls },
        el('dt', { text: 'Name' }), el('dd', { id: 'lblName', text: t.name }),
        el('dt', { text: 'Created' }), el('dd', { text: fmtTime(t.create_time) }),
        el('dt', { text: 'Expires' }), el('dd', { text: fmtTime(t.expires_at) + (cls === 'danger' ? ' (expired)' : '') }),
        el('dt', { text: 'Access' }), el('dd', { text: t.has_full_access ? 'Full access' : `Limited: ${(t.features || []).join(', ')}` })),
      rename,
      el('button', { id: 'btnRevoke', type: 'button', text: 'Revoke', onclick: () => { confirmBox.hidden = false; } }),
      confirmBox,
      el('a', { id: 'btnBack', href: '#/', text: 'Go Back' }));
  }

  window.addEventListener('hashchange', route);
  route();
})();
