// Used by wasm_test.go: node run.mjs WASM_EXEC_JS TOKENSCAN_WASM INPUT_JSON [POLICY_JSON]
// prints {"version": ..., "result": ..., "bad": ...} as one JSON line: the audit result for the
// input file, and the module's answers to malformed calls (which must be error JSON, not throws).
import { readFileSync } from "node:fs";
import { loadGlue, instantiate } from "./load.mjs";

const [wasmExec, wasmPath, inputPath, policyPath] = process.argv.slice(2);
loadGlue(wasmExec);
const { api } = await instantiate(readFileSync(wasmPath));
const input = readFileSync(inputPath, "utf8");
const policy = policyPath ? readFileSync(policyPath, "utf8") : "";
const out = {
	version: JSON.parse(api.version()),
	result: JSON.parse(api.audit(input, policy)),
	bad: {
		html: JSON.parse(api.audit("<html><body>Log in</body></html>", "")),
		notString: JSON.parse(api.audit(42)),
		noArgs: JSON.parse(api.audit()),
		badPolicy: JSON.parse(api.audit(input, "{\"max_age\":1}")),
		policyObject: JSON.parse(api.audit(input, {})),
	},
	// The instance must still answer after the bad calls.
	again: JSON.parse(api.audit(input, policy)).summary,
};
process.stdout.write(JSON.stringify(out) + "\n");
