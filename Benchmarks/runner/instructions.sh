#!/usr/bin/env bash
# Instructions, counted by callgrind: unlike wall time, which wanders by ±15% on this shared machine, a
# count repeats, so a change too small to see in a hyperfine run can still be measured. apish beside curl
# against the same nginx on loopback: `apish run` of N asserted GETs beside one curl process fetching the
# same N URLs (as replay.sh), one entry beside one URL (the fixed cost of a run), one GET with `-c`, and
# `--version`. valgrind cannot read the toolchain's debug information, so a copy without it is counted.
set -euo pipefail
cd "$(dirname "$0")/../.."
. Benchmarks/lib.sh
require valgrind curl objcopy
N=${N:-1000}
start_nginx
work=$(mktemp -d)
on_exit "rm -rf '$work'"
objcopy --strip-debug "$APISH" "$work/apish"
entry() { printf 'GET %s/data.json\nHTTP 200\n[Asserts]\njsonpath "$.id" == 1\n\n' "$BASE"; }
for _ in $(seq "$N"); do entry; done > "$work/replay.hurl"
entry > "$work/one.hurl"
for _ in $(seq "$N"); do printf 'url = "%s/data.json"\noutput = "/dev/null"\n' "$BASE"; done > "$work/curl.conf"
"$work/apish" run "$work/replay.hurl" > /dev/null 2>&1 || { echo "the collection did not pass" >&2; exit 1; }

count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 > /dev/null |
    awk '/I +refs:/ { gsub(",", "", $NF); print $NF }'
}
row() {
  local name=$1 apish=$2 curl=$3
  awk -v name="$name" -v a="$apish" -v c="$curl" \
    'BEGIN { printf "| %s | %.1f M | %.1f M | %.2fx |\n", name, a / 1e6, c / 1e6, a / c }'
}
echo "| work | apish | curl | ratio |"
echo "| --- | ---: | ---: | ---: |"
row "$N asserted GETs (\`run\`) / $N URLs (\`curl -K\`)" \
  "$(count "$work/apish" run "$work/replay.hurl")" "$(count curl -s -K "$work/curl.conf")"
row "one entry / one URL" "$(count "$work/apish" run "$work/one.hurl")" "$(count curl -s "$BASE/data.json")"
row "\`-c 'GET …'\` / \`curl -s\`" "$(count "$work/apish" -c "GET $BASE/data.json --body")" "$(count curl -s "$BASE/data.json")"
row "\`--version\`" "$(count "$work/apish" --version)" "$(count curl --version)"
