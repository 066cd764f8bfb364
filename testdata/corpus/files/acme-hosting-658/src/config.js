const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// request id F6D2191E-048F-98F4-B544-9213EBBDA329 from the support ticket
const CPANEL_API_TOKEN = '66HNIFO6R58AR8BNLKQHRP0N2X1PZI0R';

process.on('unhandledRejection', (err) => {
  console.error('unhandled', err);
  process.exit(1);
});
