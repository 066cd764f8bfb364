//go:build js && wasm

// Command wasm is the browser extension's WebAssembly module: thin syscall/js glue that exposes
// scanner/audit as the global object tokenscan. Every decision is made in scanner/audit, where it
// is tested natively; this file only moves strings across the boundary.
//
//	tokenscan.audit(inputJSON, policyJSON) -> result JSON, or {"schema":..., "error": "..."}
//	tokenscan.version()                    -> {"schema":..., "version":..., "go":...}
package main

import (
	"runtime"
	"syscall/js"

	"github.com/tokenscan/tokenscan/scanner/audit"
)

func main() {
	api := js.Global().Get("Object").New()
	api.Set("audit", js.FuncOf(auditFunc))
	api.Set("version", js.FuncOf(versionFunc))
	js.Global().Set("tokenscan", api)
	// The functions must outlive main's body: block forever so the runtime keeps serving calls.
	select {}
}

// auditFunc never lets a panic escape: an unrecovered panic in a js.FuncOf callback kills the Go
// instance, and every later call from the extension would fail until the worker restarts.
func auditFunc(_ js.Value, args []js.Value) (result any) {
	defer func() {
		if r := recover(); r != nil {
			result = string(audit.ErrorJSON("internal error in the audit (please report it): " + panicText(r)))
		}
	}()
	if len(args) < 1 || args[0].Type() != js.TypeString {
		return string(audit.ErrorJSON("audit(inputJSON, policyJSON): inputJSON must be a string"))
	}
	policy := ""
	if len(args) > 1 && args[1].Type() == js.TypeString {
		policy = args[1].String()
	} else if len(args) > 1 && !args[1].IsUndefined() && !args[1].IsNull() {
		return string(audit.ErrorJSON("audit(inputJSON, policyJSON): policyJSON must be a string, null or left out"))
	}
	return string(audit.RunJSON([]byte(args[0].String()), []byte(policy)))
}

// version is stamped by the build (-ldflags "-X main.version=..."). runtime/debug's build info
// would do it without a flag, but it links fmt: +0.09 MB gzip, measured.
var version = "devel"

func versionFunc(js.Value, []js.Value) any {
	return string(audit.VersionJSON(version, runtime.Version()))
}

func panicText(r any) string {
	switch v := r.(type) {
	case error:
		return v.Error()
	case string:
		return v
	}
	return "non-error panic value"
}
