#!/usr/bin/env bash
# Replay speed: N asserted GETs (`HTTP 200` and one jsonpath assert) against nginx on loopback, beside
# one curl process fetching the same N URLs over one connection (a curl config file of N `url =` lines).
# The table's last column is each median against curl's.
set -euo pipefail
cd "$(dirname "$0")/../.."
. Benchmarks/lib.sh
require curl python3
N=${N:-1000}
start_nginx
work=$(mktemp -d)
on_exit "rm -rf '$work'"
for _ in $(seq "$N"); do
  printf 'GET %s/data.json\nHTTP 200\n[Asserts]\njsonpath "$.id" == 1\n\n' "$BASE"
done > "$work/replay.hurl"
for _ in $(seq "$N"); do printf 'url = "%s/data.json"\noutput = "/dev/null"\n' "$BASE"; done > "$work/curl.conf"
"$APISH" run "$work/replay.hurl" > /dev/null 2>&1 || { echo "the collection did not pass" >&2; exit 1; }
# Run in turn, round after round, so the machine's drift in load falls on both alike.
python3 Benchmarks/alternate.py --warmup 2 --runs "${RUNS:-30}" \
  "curl, one process, $N URLs=curl -s -K $work/curl.conf" \
  "apish run ($N asserted GETs)=$APISH run $work/replay.hurl"
