#!/usr/bin/env bash
# Compares apish's JSON engine with jq and python3 on a ~100 MB Mautic-like document, then measures
# apish alone on three other shapes of the same size (many tiny objects, long strings, deep nesting):
# wall time, user CPU time and peak RSS (median of REPEAT runs, default 3), via /usr/bin/time -v.
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
for shape in tiny strings nested; do
    if [ ! -f "$data/$shape-${size_mb}mb.json" ]; then
        echo "generating $data/$shape-${size_mb}mb.json" >&2
        python3 "$here/generate_shapes.py" "$shape" "$data/$shape-${size_mb}mb.json" "$size_mb"
    fi
done
bytes=$(stat -c %s "$file" 2>/dev/null || stat -f %z "$file")
cat "$file" > /dev/null  # warm the page cache

timing="$(mktemp)"
trap 'rm -f "$timing"' EXIT

# Prints "seconds user-seconds kilobytes" for one run of the command.
measure_once() {
    /usr/bin/time -v -o "$timing" "$@" > /dev/null
    local wall user rss
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$timing")
    user=$(sed -n 's/.*User time (seconds): //p' "$timing")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$timing")
    awk -v w="$wall" -v u="$user" -v r="$rss" 'BEGIN { n = split(w, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f %.2f %d\n", s, u, r }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Prints a table row with the median wall time, user CPU time and peak RSS of REPEAT runs.
measure() {
    local label="$1"; shift
    local runs=() wall user rss
    for _ in $(seq "$repeat"); do runs+=("$(measure_once "$@")"); done
    wall=$(printf '%s\n' "${runs[@]}" | awk '{ print $1 }' | median)
    user=$(printf '%s\n' "${runs[@]}" | awk '{ print $2 }' | median)
    rss=$(printf '%s\n' "${runs[@]}" | awk '{ print $3 }' | median)
    awk -v label="$label" -v w="$wall" -v u="$user" -v r="$rss" -v bytes="$bytes" 'BEGIN {
        printf "| %s | %.2f s | %.2f s | %.1f MB/s | %.0f MiB | %.2fx |\n", label, w, u, bytes / 1e6 / w, r / 1024, r * 1024 / bytes
    }'
}

echo "Input: $file ($((bytes / 1000000)) MB), median of $repeat runs, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
echo
echo "| command | wall | user CPU | throughput | peak RSS | RSS / input |"
echo "| --- | --- | --- | --- | --- | --- |"
measure "apish fmt" "$apish" fmt "$file"
measure "apish query '\$' (the whole document)" "$apish" query '$' "$file"
measure "jq ." jq . "$file"
measure "python3 -m json.tool" python3 -m json.tool "$file"
measure "apish query '\$..id'" "$apish" query '$..id' "$file"
measure "jq '[..|.id?|select(. != null)]'" jq '[..|.id?|select(. != null)]' "$file"

echo
echo "Other shapes, apish alone (same columns; each input about $size_mb MB):"
echo
echo "| command | wall | user CPU | throughput | peak RSS | RSS / input |"
echo "| --- | --- | --- | --- | --- | --- |"
for shape in tiny strings nested; do
    file="$data/$shape-${size_mb}mb.json"
    bytes=$(stat -c %s "$file" 2>/dev/null || stat -f %z "$file")
    cat "$file" > /dev/null
    # The tiny objects have no id; `..a` selects a member of every one of them, the most output.
    query='$..id'
    [ "$shape" = tiny ] && query='$..a'
    measure "$shape: apish query '$query'" "$apish" query "$query" "$file"
    measure "$shape: apish fmt" "$apish" fmt "$file"
done
