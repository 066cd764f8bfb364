// Loads the tokenscan WebAssembly module the way the extension's service worker does: run
// wasm_exec.js as a classic script (importScripts there), instantiate, start Go, and wait for the
// global `tokenscan` object that wasm/main.go publishes.
import { readFileSync } from "node:fs";
import { runInThisContext } from "node:vm";

export function loadGlue(wasmExecPath) {
	if (typeof globalThis.Go !== "function") {
		runInThisContext(readFileSync(wasmExecPath, "utf8"), { filename: wasmExecPath });
	}
}

// instantiate starts a fresh Go instance from compiled or raw wasm bytes and returns its API
// object plus how long startup took.
export async function instantiate(wasm) {
	const start = performance.now();
	const go = new globalThis.Go();
	delete globalThis.tokenscan;
	const result = await WebAssembly.instantiate(wasm, go.importObject);
	const instance = result.instance ?? result; // bytes give {module, instance}; a Module gives an Instance
	go.run(instance).catch((err) => {
		console.error("Go program failed:", err);
		process.exitCode = 1;
	});
	// main publishes the API before it first blocks, so it is normally there at once; the loop
	// only guards against a future runtime that yields before main runs.
	for (let i = 0; !globalThis.tokenscan; i++) {
		if (i > 1000) throw new Error("tokenscan global never appeared: did main.go change?");
		await new Promise((resolve) => setTimeout(resolve, 1));
	}
	return { api: globalThis.tokenscan, startupMs: performance.now() - start };
}
