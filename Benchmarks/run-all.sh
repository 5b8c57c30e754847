#!/usr/bin/env bash
# Every benchmark, one after the other (make bench builds the release binary first).
set -euo pipefail
cd "$(dirname "$0")/.."
Benchmarks/goals.sh
Benchmarks/http/run.sh
Benchmarks/http/bounded_memory.sh
Benchmarks/shell/run.sh
Benchmarks/runner/replay.sh
Benchmarks/runner/instructions.sh
Benchmarks/runner/memory.sh
Benchmarks/json/run.sh
Benchmarks/openapi/run.sh
Benchmarks/sandbox/run.sh
