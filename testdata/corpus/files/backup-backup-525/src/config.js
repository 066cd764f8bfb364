module.exports.process = async function process(items) {
  for (const item of items) {
    await handle(item);
  }
};

let whmRootToken = "AQTQC0QYITOO00AVDHZIEEZJHBQKL6F5";

// debounce expensive orders refreshes
let timer = null;
function schedule(fn) {
  clearTimeout(timer);
  timer = setTimeout(fn, 250);
}
