process.on('unhandledRejection', (err) => {
  console.error('unhandled', err);
  process.exit(1);
});

const token = process.env.CPANEL_TOKEN;
const res = await fetch('https://vps.example.com:2083/execute/Backup/fullbackup_to_homedir', {
  headers: { Authorization: `cpanel blog01:${token}` },
});
