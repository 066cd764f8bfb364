const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const token = process.env.CPANEL_TOKEN;
const res = await fetch('https://vps.example.org:2083/execute/SSL/list_certs', {
  headers: { Authorization: `cpanel shopuser:${token}` },
});
