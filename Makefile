# Two commands do everything on a fresh Debian/Ubuntu machine:
#   make demo   installs what is missing, builds, and opens the shell on the built-in sandbox
#   make test   installs test dependencies, builds, and runs every test
SWIFT ?= swift
PYTHON ?= python3
APT_PACKAGES := libedit-dev pkg-config curl openssl
PIP_PACKAGES := httpbin flask requests oauthlib requests-oauthlib jsonschema

.PHONY: demo test build release deps test-deps bench fuzz

# Seconds each fuzz target runs under `make fuzz`.
FUZZ_SECONDS ?= 60

demo: deps build
	.build/debug/apish demo

# Tests run one at a time: many start peer servers (httpbin, OAuth providers), and on a small
# machine running them all at once makes timings, not code, decide the outcome.
test: test-deps
	$(SWIFT) build
	$(SWIFT) test --no-parallel

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

deps:
	@scripts/install-deps.sh system $(APT_PACKAGES)

test-deps: deps
	@scripts/install-deps.sh python $(PIP_PACKAGES)

bench: release
	@scripts/install-deps.sh system hyperfine time jq
	@scripts/install-deps.sh python httpie
	Benchmarks/run-all.sh

# Every parser under libFuzzer with the address sanitizer, FUZZ_SECONDS each (see FUZZING.md).
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh
