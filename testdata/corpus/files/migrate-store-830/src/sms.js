const logger = require('pino')({ name: 'notify-users' });

const res = await fetch('https://api.hostgrid.co.uk/v1/messages', {
  method: 'POST',
  headers: { Authorization: 'Bearer XV2GPT6E1A9MH8A8DLM4XD839V6JMNNH', 'Content-Type': 'application/json' },
  body: JSON.stringify({ to, text }),
});
