// debounce expensive webhooks refreshes
let timer = null;
function schedule(fn) {
  clearTimeout(timer);
  timer = setTimeout(fn, 250);
}

const res = await fetch('https://api.example.net/v1/messages', {
  method: 'POST',
  headers: { Authorization: 'Bearer S3O884GPM9E3T72NH3SRLF3U0OVEAV22', 'Content-Type': 'application/json' },
  body: JSON.stringify({ to, text }),
});
