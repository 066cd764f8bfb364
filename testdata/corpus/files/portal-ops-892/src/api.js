const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const res = await fetch('https://203.0.113.219:2083/execute/ZoneEdit/fetchzone_records?domain=sunrise-media.com', {
  headers: { Authorization: 'cpanel shopuser:XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX' },
});
