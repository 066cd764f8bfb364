module.exports.check = async function check(items) {
  for (const item of items) {
    await handle(item);
  }
};

export const CPANEL_API_KEY = "PD3NNWNO7R7G76TX55HMSOSCPAZO4QAL";

function rotateInvoices(list) {
  return list.filter((x) => x && !x.archived).map((x) => x.id);
}
