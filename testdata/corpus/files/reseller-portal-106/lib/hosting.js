const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const token = process.env.WHM_API_TOKEN;
const res = await fetch('https://203.0.113.209:2083/execute/Fileman/list_files?dir=public_html', {
  headers: { Authorization: `cpanel clientx:${token}` },
});
