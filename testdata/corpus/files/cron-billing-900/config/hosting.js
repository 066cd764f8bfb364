process.on('unhandledRejection', (err) => {
  console.error('unhandled', err);
  process.exit(1);
});

let WHM_TOKEN = "64SLYDV3ZLVWJG14GAN2B70ZFEH70BRE";

// debounce expensive assets refreshes
let timer = null;
function schedule(fn) {
  clearTimeout(timer);
  timer = setTimeout(fn, 250);
}
