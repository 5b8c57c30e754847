# Two commands do everything on a fresh Debian/Ubuntu machine:
#   make demo   installs what is missing, builds, and opens the shell on the built-in sandbox
#   make test   installs test dependencies, builds, and runs every test
SWIFT ?= swift
PYTHON ?= python3
APT_PACKAGES := libedit-dev pkg-config curl
PIP_PACKAGES := httpbin flask oauthlib requests-oauthlib

.PHONY: demo test build release deps test-deps bench

demo: deps build
	.build/debug/apish demo

test: test-deps
	$(SWIFT) build
	$(SWIFT) test

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

deps:
	@scripts/install-deps.sh system $(APT_PACKAGES)

test-deps: deps
	@scripts/install-deps.sh python $(PIP_PACKAGES)

bench: release
	Benchmarks/run-all.sh
