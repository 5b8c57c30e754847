#!/usr/bin/env bash
# Start-up and one GET to a loopback server: apish beside curl and HTTPie, in the same run.
set -euo pipefail
cd "$(dirname "$0")/../.."
. Benchmarks/lib.sh
require hyperfine curl http
start_sandbox
out=${OUT:-$(mktemp)}
hyperfine --warmup 3 --runs "${RUNS:-30}" -N --export-markdown "$out.version" \
  "$APISH --version" "curl --version" "http --version"
hyperfine --warmup 3 --runs "${RUNS:-30}" -N --export-markdown "$out.get" \
  "$APISH -c 'GET $BASE/ --body'" \
  "curl -s $BASE/" \
  "http --body GET $BASE/"
cat "$out.version" "$out.get" > "$out"
rm "$out.version" "$out.get"
cat "$out"
