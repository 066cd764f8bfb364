# tokenscan build, test and demo entry points. `make test` is what CI runs on a clean clone.
SHELL := /bin/bash
GO ?= go
BIN := $(CURDIR)/bin
GITLEAKS_VERSION := v8.30.1
GITLEAKS := $(BIN)/gitleaks
TOKENSCAN := $(BIN)/tokenscan
WASM_VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
GOROOT_WASM = $(shell $(GO) env GOROOT)/lib/wasm
export PATH := $(BIN):$(PATH)

.PHONY: all build wasm test test-wasm bench bench-wasm demo lint deps tools clean

all: build wasm

# tokenscan is linked statically (no cgo: Go's own DNS resolver and user lookup): it starts on
# every commit as a pre-commit hook, and the dynamic loader and libc cost it over a millisecond.
build:
	CGO_ENABLED=0 $(GO) build -o $(TOKENSCAN) ./cmd/tokenscan
	$(GO) build -o $(BIN)/cpanel-sim ./cmd/cpanel-sim

# The extension's WebAssembly module and its matching glue (git-ignored build outputs).
wasm:
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w -X main.version=$(WASM_VERSION)" -o extension/tokenscan.wasm ./wasm
	cp "$(GOROOT_WASM)/wasm_exec.js" extension/wasm_exec.js

# deps installs what the tests need from Debian when it is missing (CI runs as root):
# git, the real pre-commit tool, and Node for the wasm tests.
deps:
	@missing=""; \
	command -v git >/dev/null || missing="$$missing git"; \
	command -v pre-commit >/dev/null || missing="$$missing pre-commit"; \
	command -v node >/dev/null || missing="$$missing nodejs"; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

# The stock gitleaks CLI, pinned, in a project-local bin dir: tests prove our rules load there.
$(GITLEAKS):
	GOBIN=$(BIN) $(GO) install github.com/zricethezav/gitleaks/v8@$(GITLEAKS_VERSION)

tools: deps $(GITLEAKS)

lint:
	@out=$$(gofmt -l $$(git ls-files -co --exclude-standard '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./wasm ./scanner/audit ./scanner/inventory

# The audit and inventory tests compiled to wasm and run under Node: the browser build is
# tested, not assumed.
test-wasm:
	PATH="$(GOROOT_WASM):$$PATH" GOOS=js GOARCH=wasm $(GO) test -count=1 ./scanner/audit/ ./scanner/inventory/

# Everything, ending with the native Go test summary. CI=true makes tests that need a tool
# (pre-commit, gitleaks) fail instead of skipping when it is missing.
test: tools lint build wasm test-wasm
	CI=true TOKENSCAN_GITLEAKS=$(GITLEAKS) $(GO) test -count=1 ./...

bench: tools build
	TOKENSCAN_BIN=$(TOKENSCAN) TOKENSCAN_GITLEAKS=$(GITLEAKS) $(GO) test -run '^$$' -bench . -benchtime 1x -timeout 60m ./...

bench-wasm: wasm
	node wasm/testdata/bench.mjs extension/wasm_exec.js extension/tokenscan.wasm 15

demo: build
	@$(GO) run ./cmd/demo -tokenscan $(TOKENSCAN) -org

clean:
	rm -rf $(BIN) extension/tokenscan.wasm extension/wasm_exec.js
