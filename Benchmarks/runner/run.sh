#!/usr/bin/env bash
# A 1,000-entry collection against a loopback server, beside one curl process fetching the same 1,000
# URLs over one connection; then peak memory for 1,000 and 10,000 entries.
set -euo pipefail
cd "$(dirname "$0")/../.."
. Benchmarks/lib.sh
require hyperfine curl /usr/bin/time
start_sandbox
work=$(mktemp -d); trap 'rm -rf "$work"; kill $SANDBOX_PID 2>/dev/null' EXIT
make_collection() {
  for i in $(seq "$1"); do printf 'GET %s/\nHTTP 200\n\n' "$BASE"; done > "$work/c$1.hurl"
}
make_collection 1000
make_collection 10000
# One curl process, the same 1,000 URLs, one connection reused (curl's config file keeps the command short).
for i in $(seq 1000); do printf 'url = "%s/"\noutput = "/dev/null"\n' "$BASE"; done > "$work/curl1000.conf"
hyperfine --warmup 1 --runs "${RUNS:-5}" -N \
  --command-name "apish run (1,000 entries)" "$APISH run $work/c1000.hurl" \
  --command-name "curl, one process, 1,000 URLs" "curl -s -K $work/curl1000.conf"
for n in 1000 10000; do
  /usr/bin/time -v "$APISH" run "$work/c$n.hurl" > /dev/null 2> "$work/time$n" || true
  echo "apish run, $n entries: peak RSS $(awk '/Maximum resident/ {printf "%.1f MiB", $6/1024}' "$work/time$n")"
done
