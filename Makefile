# tokenscan build, test and demo entry points. `make test` is what CI runs on a clean clone.
SHELL := /bin/bash
GO ?= go
BIN := $(CURDIR)/bin
GITLEAKS_VERSION := v8.30.1
GITLEAKS := $(BIN)/gitleaks
TOKENSCAN := $(BIN)/tokenscan
export PATH := $(BIN):$(PATH)

.PHONY: all build test unit bench demo lint deps tools clean

all: build

build:
	$(GO) build -o $(TOKENSCAN) ./cmd/tokenscan

# deps installs what the tests need from Debian when it is missing (CI runs as root).
deps:
	@missing=""; for p in git; do command -v $$p >/dev/null || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; fi

# The stock gitleaks CLI, pinned, in a project-local bin dir: tests prove our rules load there.
$(GITLEAKS):
	GOBIN=$(BIN) $(GO) install github.com/zricethezav/gitleaks/v8@$(GITLEAKS_VERSION)

tools: deps $(GITLEAKS)

lint:
	@out=$$(gofmt -l $$(git ls-files -co --exclude-standard '*.go' ':!:**/testdata/**' ':!:testdata/**')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

test: tools lint build
	TOKENSCAN_GITLEAKS=$(GITLEAKS) $(GO) test -count=1 ./...

bench: tools build
	TOKENSCAN_GITLEAKS=$(GITLEAKS) $(GO) test -run '^$$' -bench . -benchtime 1x ./...

demo: build
	@$(GO) run ./cmd/demo -tokenscan $(TOKENSCAN)

clean:
	rm -rf $(BIN)
