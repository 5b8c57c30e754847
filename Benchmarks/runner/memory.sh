#!/usr/bin/env bash
# Peak resident memory of `apish run` by collection size: one file of N asserted GETs (`HTTP 200` and
# one jsonpath assert) against nginx on loopback, with the JUnit, JSON and HTML reports written.
set -euo pipefail
cd "$(dirname "$0")/../.."
. Benchmarks/lib.sh
require curl /usr/bin/time
start_nginx
work=$(mktemp -d)
on_exit "rm -rf '$work'"
echo "| entries | peak RSS | wall time |"
echo "| ---: | ---: | ---: |"
for n in ${SIZES:-1000 10000 100000}; do
  for _ in $(seq "$n"); do
    printf 'GET %s/data.json\nHTTP 200\n[Asserts]\njsonpath "$.id" == 1\n\n' "$BASE"
  done > "$work/c.hurl"
  /usr/bin/time -v "$APISH" run "$work/c.hurl" --report-junit "$work/junit.xml" --report-json "$work/report.json" \
    --report-html "$work/html" > /dev/null 2> "$work/time" || { tail -5 "$work/time" >&2; exit 1; }
  awk -v n="$n" '/Maximum resident/ { rss = $6 / 1024 } /Elapsed \(wall clock\)/ { wall = $8 }
    END { printf "| %\047d | %.1f MiB | %s |\n", n, rss, wall }' "$work/time"
done
