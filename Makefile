# Atrium — two commands: `make run` and `make test`.
SHELL := /bin/bash
CARGO_TARGET_DIR ?= $(HOME)/.cache/atrium-target
export CARGO_TARGET_DIR
export CARGO_PROFILE_DEV_DEBUG ?= line-tables-only
BIN := $(CARGO_TARGET_DIR)/debug/atrium

.PHONY: run test build migrate openapi openapi-check fmt lint services bench bench-http bench-files bench-invoices bench-comms bench-workflow

## Build, migrate the embedded SQLite database and serve on http://127.0.0.1:8080 (Swagger UI at /docs).
run: build
	$(BIN) migrate up
	$(BIN) serve

build:
	cargo build --workspace --bin atrium

migrate: build
	$(BIN) migrate up

## Run every test. PostgreSQL suites run when PostgreSQL is reachable (always in CI).
test:
	@bash scripts/test-services.sh
	@echo "== tenant scoping and lints (clippy disallowed-methods: no bare query on a tenant table)"
	cargo clippy --workspace --all-targets --locked -- -D warnings
	@echo "== the atrium binary (the reliability suite runs it as a child process)"
	cargo build --workspace --bin atrium
	@if cargo nextest --version >/dev/null 2>&1; then \
		cargo nextest run --workspace --no-fail-fast; \
	else \
		echo "cargo-nextest not found: using cargo test"; cargo test --workspace --no-fail-fast; \
	fi
	@echo "== the TypeScript SDK: type-check, build, and a client journey against the atrium binary"
	@$(MAKE) --no-print-directory sdk-test

## Regenerate the committed OpenAPI document.
openapi: build
	$(BIN) openapi > openapi/openapi.json

## Fail when the committed OpenAPI document differs from the code.
openapi-check: build
	@$(BIN) openapi > $(CARGO_TARGET_DIR)/openapi.generated.json
	@diff -u openapi/openapi.json $(CARGO_TARGET_DIR)/openapi.generated.json \
		|| { echo "openapi/openapi.json is stale: run 'make openapi' and commit it"; exit 1; }
	@echo "openapi/openapi.json is up to date"

## The TypeScript SDK (openapi/sdk): npm installs it from package-lock.json (cached in ~/.npm).
SDK := openapi/sdk
.PHONY: sdk sdk-check sdk-test

$(SDK)/node_modules/.installed: $(SDK)/package.json $(SDK)/package-lock.json
	cd $(SDK) && npm ci --no-audit --no-fund --prefer-offline
	@touch $@

## Regenerate the committed SDK (openapi/sdk/src/generated) from openapi/openapi.json, and build it.
sdk: $(SDK)/node_modules/.installed
	cd $(SDK) && npm run --silent generate && npm run --silent build

## Fail when the committed SDK differs from what openapi/openapi.json generates.
sdk-check: $(SDK)/node_modules/.installed
	@rm -rf $(abspath $(CARGO_TARGET_DIR))/sdk.generated
	@cd $(SDK) && node scripts/generate.mjs --out $(abspath $(CARGO_TARGET_DIR))/sdk.generated >/dev/null
	@diff -ru $(SDK)/src/generated $(abspath $(CARGO_TARGET_DIR))/sdk.generated \
		|| { echo "openapi/sdk is stale: run 'make sdk' and commit it"; exit 1; }
	@echo "openapi/sdk is up to date"

## The SDK built (strict tsc: ESM + declarations), then its tests against the real binary ($(BIN)).
sdk-test: $(SDK)/node_modules/.installed
	cd $(SDK) && ATRIUM_BIN=$(abspath $(BIN)) npm test --silent

fmt:
	cargo fmt --all

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings

## Start local PostgreSQL/Redis if they are installed but not running (and install Dovecot for the IMAP tests).
services:
	@bash scripts/start-services.sh

## Outbox benchmark on PostgreSQL (results: bench/RESULTS.md).
## Twice: over TLS (what a URL without `sslmode` gets from a server with SSL on, as here) and without it.
PG_BENCH_URL ?= postgres://postgres@127.0.0.1:5432/postgres
bench:
	cargo build --release --workspace --bin outbox-bench
	@echo "== PostgreSQL over TLS (sslmode=prefer)"
	TEST_DATABASE_URL='$(PG_BENCH_URL)' $(CARGO_TARGET_DIR)/release/outbox-bench --events 20000 --workers 2 --light-events 1000 --rate 100
	@echo "== PostgreSQL without TLS (sslmode=disable)"
	TEST_DATABASE_URL='$(PG_BENCH_URL)?sslmode=disable' $(CARGO_TARGET_DIR)/release/outbox-bench --events 20000 --workers 2 --light-events 1000 --rate 100

## HTTP load on PostgreSQL: wrk against the release `atrium serve`, pgbench as the floor (bench/RESULTS.md).
bench-http:
	@command -v wrk >/dev/null || apt-get install -y wrk
	cargo build --release --workspace --bin atrium --bin http-paced
	ATRIUM_BIN=$(CARGO_TARGET_DIR)/release/atrium bash bench/http/run.sh

## A 1 GiB file through Atrium (S3 store, streamed both ways) vs direct aws-sdk-s3 on the same
## s3s-fs: throughput ratio and Atrium's RSS (bench/RESULTS.md). Mind the machine's load.
S3S_FS := $(HOME)/.cache/atrium-tools/bin/s3s-fs
bench-files:
	@test -x $(S3S_FS) || cargo install s3s-fs@0.14.1 --locked --features binary --root $(HOME)/.cache/atrium-tools
	cargo build --release --workspace --bin atrium --bin files-bench
	uptime
	$(CARGO_TARGET_DIR)/release/files-bench --size-mib 1024 --runs 3

## 10,000 messages imported from a real Dovecot by the real server over IMAP (SQLite): messages/s of the
## first sync and of an incremental one (100 new), and the server's peak RSS during the first sync.
bench-comms:
	cargo build --release --workspace --bin atrium --bin comms-bench
	uptime
	$(CARGO_TARGET_DIR)/release/comms-bench --messages 10000 --incremental 100

## 1,000,000 invoices (100,000 in one organization) seeded by SQL on PostgreSQL: list by
## status under wrk at 32 connections and AR aging latency, release `atrium serve` (bench/RESULTS.md).
bench-invoices:
	@command -v wrk >/dev/null || apt-get install -y wrk
	cargo build --release --workspace --bin atrium --bin invoices-bench
	uptime
	$(CARGO_TARGET_DIR)/release/invoices-bench --total 1000000 --conns 32 --duration 15

## Workflow: 100 enabled rules on one trigger, deals moved to won at 20/s on PostgreSQL:
## commit-to-action latency p50/p99 and rules evaluated per second (bench/RESULTS.md).
bench-workflow:
	cargo build --release --workspace --bin workflow-bench
	uptime
	TEST_DATABASE_URL='$(PG_BENCH_URL)' $(CARGO_TARGET_DIR)/release/workflow-bench --rules 100 --deals 200 --rate 20
