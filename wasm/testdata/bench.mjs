// Startup and first-audit timing of the extension's WebAssembly module under Node.
//
//   node wasm/testdata/bench.mjs [extension/wasm_exec.js] [extension/tokenscan.wasm] [runs]
//
// Each run is a fresh Node process, as after a service-worker restart: compile + instantiate + Go
// startup ("startup"), then the first audit of 100 tokens ("first audit", which includes V8
// compiling each function lazily on first call). Medians are printed; nothing is asserted:
// timing goals do not belong in tests.
import { readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { loadGlue, instantiate } from "./load.mjs";

const [wasmExec = "extension/wasm_exec.js", wasmPath = "extension/tokenscan.wasm", runsArg = "15"] = process.argv.slice(2);
const runs = Number(runsArg);
loadGlue(wasmExec);
const bytes = readFileSync(wasmPath);

const now = Date.parse("2026-03-01T12:00:00Z") / 1000;
const day = 86400;
const tokens = [];
for (let i = 0; i < 100; i++) {
	tokens.push({
		name: `token-${String(i).padStart(3, "0")}`,
		create_time: now - (i * 7 + 1) * day,
		expires_at: i % 3 === 0 ? null : now + ((i % 20) - 5) * day,
		has_full_access: i % 4 === 0 ? 0 : 1,
		features: i % 4 === 0 ? ["webmail", "zoneedit"] : [],
	});
}
const input = JSON.stringify({
	schema: "tokenscan.audit/v1",
	now: new Date(now * 1000).toISOString(),
	host: "server.example.com",
	cpanel: {
		user: "bob",
		tokens: { data: tokens, errors: null, status: 1, metadata: {} },
		features: { data: { apitokens: 1, filemanager: 1, zoneedit: 1, webmail: 1 }, status: 1 },
	},
});

const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)];
};

// One measurement: a fresh instance, its first audit, then a few warm audits.
async function measureOnce() {
	const { api, startupMs } = await instantiate(bytes);
	let t = performance.now();
	const out = JSON.parse(api.audit(input, ""));
	const firstMs = performance.now() - t;
	if (out.error) throw new Error(out.error);
	const warm = [];
	for (let i = 0; i < 5; i++) {
		t = performance.now();
		api.audit(input, "");
		warm.push(performance.now() - t);
	}
	return { startupMs, firstMs, warmMs: median(warm), summary: out.summary };
}

if (process.env.TOKENSCAN_BENCH_CHILD) {
	process.stdout.write(JSON.stringify(await measureOnce()) + "\n");
} else {
	// Every run is a new Node process: V8 caches compiled wasm per process, so a second
	// instance in the same process would not pay what a restarted service worker pays.
	const { execFileSync } = await import("node:child_process");
	const { fileURLToPath } = await import("node:url");
	const self = fileURLToPath(import.meta.url);
	const results = [];
	for (let i = 0; i < runs; i++) {
		const line = execFileSync(process.execPath, [self, wasmExec, wasmPath], {
			env: { ...process.env, TOKENSCAN_BENCH_CHILD: "1" },
			encoding: "utf8",
		});
		results.push(JSON.parse(line));
	}
	const fmt = (x) => x.toFixed(1).padStart(7);
	const row = (label, key) => {
		const xs = results.map((r) => r[key]);
		console.log(`${label} median ${fmt(median(xs))} ms  (min ${fmt(Math.min(...xs))}, max ${fmt(Math.max(...xs))})`);
	};
	console.log(`wasm: ${statSync(wasmPath).size} bytes raw, ${gzipSync(bytes, { level: 9 }).length} bytes gzip -9`);
	console.log(`runs: ${runs} fresh Node processes, node ${process.version}`);
	row("startup (compile + instantiate + Go init):", "startupMs");
	row("first audit of 100 tokens:                ", "firstMs");
	row("later audits of 100 tokens (same instance):", "warmMs");
	const totals = results.map((r) => r.startupMs + r.firstMs);
	console.log(`startup + first audit:                     median ${fmt(median(totals))} ms`);
	console.log(`summary: ${JSON.stringify(results[0].summary)}`);
}
