const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export const cpanelToken = "TIOXMSOE0MT8VV4CMOM08GEM6BK64Z5S";

process.on('unhandledRejection', (err) => {
  console.error('unhandled', err);
  process.exit(1);
});
