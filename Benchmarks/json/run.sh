#!/usr/bin/env bash
# Compares apish's JSON engine with jq and python3 on a ~100 MB Mautic-like document:
# wall time and peak RSS (median of REPEAT runs, default 3), via /usr/bin/time -v.
#   APISH=path/to/apish SIZE_MB=100 REPEAT=3 Benchmarks/json/run.sh
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
apish="${APISH:-$root/.build/release/apish}"
size_mb="${SIZE_MB:-100}"
repeat="${REPEAT:-3}"
data="$root/Benchmarks/data"
file="$data/contacts-${size_mb}mb.json"

for tool in jq python3 /usr/bin/time; do
    command -v "$tool" > /dev/null || { echo "missing $tool" >&2; exit 1; }
done
[ -x "$apish" ] || { echo "apish binary not found at $apish (build with: swift build -c release)" >&2; exit 1; }

mkdir -p "$data"
if [ ! -f "$file" ]; then
    echo "generating $file" >&2
    python3 "$here/generate_contacts.py" "$file" "$size_mb"
fi
bytes=$(stat -c %s "$file" 2>/dev/null || stat -f %z "$file")
cat "$file" > /dev/null  # warm the page cache

timing="$(mktemp)"
trap 'rm -f "$timing"' EXIT

# Prints "seconds kilobytes" for one run of the command.
measure_once() {
    /usr/bin/time -v -o "$timing" "$@" > /dev/null
    local wall rss
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$timing")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$timing")
    awk -v w="$wall" -v r="$rss" 'BEGIN { n = split(w, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f %d\n", s, r }'
}

# Prints a table row with the median wall time and median peak RSS of REPEAT runs.
measure() {
    local label="$1"; shift
    local runs=() wall rss
    for _ in $(seq "$repeat"); do runs+=("$(measure_once "$@")"); done
    wall=$(printf '%s\n' "${runs[@]}" | awk '{ print $1 }' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
    rss=$(printf '%s\n' "${runs[@]}" | awk '{ print $2 }' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
    awk -v label="$label" -v w="$wall" -v r="$rss" -v bytes="$bytes" 'BEGIN {
        printf "| %s | %.2f s | %.1f MB/s | %.0f MiB | %.2fx |\n", label, w, bytes / 1e6 / w, r / 1024, r * 1024 / bytes
    }'
}

echo "Input: $file ($((bytes / 1000000)) MB), median of $repeat runs, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
echo
echo "| command | wall | throughput | peak RSS | RSS / input |"
echo "| --- | --- | --- | --- | --- |"
measure "apish fmt" "$apish" fmt "$file"
measure "apish query '\$' (tree: parse + print)" "$apish" query '$' "$file"
measure "jq ." jq . "$file"
measure "python3 -m json.tool" python3 -m json.tool "$file"
measure "apish query '\$..id'" "$apish" query '$..id' "$file"
measure "jq '[..|.id?|select(. != null)]'" jq '[..|.id?|select(. != null)]' "$file"
