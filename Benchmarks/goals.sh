#!/usr/bin/env bash
# The performance goals, measured in one run on one binary, each beside its anchor:
#   fmt and query '$..id' against jq on the 100 MB contacts document (CPU time and wall time);
#   the peak memory of query on the four document shapes against the input's size;
#   one GET against curl (same nginx on loopback), and --version against curl's.
# Prints one markdown table; "met" compares with the goal.
#   APISH=path/to/apish REPEAT=3 RUNS=40 Benchmarks/goals.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. Benchmarks/lib.sh
require jq curl hyperfine python3 /usr/bin/time
repeat=${REPEAT:-3}
runs=${RUNS:-40}
data=Benchmarks/data
mkdir -p "$data"
[ -f "$data/contacts-100mb.json" ] || python3 Benchmarks/json/generate_contacts.py "$data/contacts-100mb.json" 100
for shape in tiny strings nested; do
  [ -f "$data/$shape-100mb.json" ] || python3 Benchmarks/json/generate_shapes.py "$shape" "$data/$shape-100mb.json" 100
done
work=$(mktemp -d)
on_exit "rm -rf '$work'"

# Median over REPEAT runs of "user system wall peak-KiB" for one command, its output discarded.
measure() {
  for _ in $(seq "$repeat"); do
    /usr/bin/time -f '%U %S %e %M' -o "$work/time" "$@" > /dev/null
    cat "$work/time"
  done | python3 -c '
import statistics, sys
rows = [list(map(float, line.split())) for line in sys.stdin if line.strip()]
print(" ".join(str(statistics.median(column)) for column in zip(*rows)))'
}

contacts="$data/contacts-100mb.json"
cat "$data"/*.json > /dev/null  # the page cache holds every input
{
  echo "fmt $(measure "$APISH" fmt "$contacts") $(measure jq . "$contacts")"
  echo "query $(measure "$APISH" query '$..id' "$contacts") $(measure jq '[..|.id?|select(. != null)]' "$contacts")"
  for shape in contacts tiny strings nested; do
    query='$..id'
    [ "$shape" = tiny ] && query='$..a'  # the tiny objects have no id
    echo "memory $shape $(stat -c %s "$data/$shape-100mb.json") $(measure "$APISH" query "$query" "$data/$shape-100mb.json")"
  done
} > "$work/json"

start_nginx
hyperfine -N --warmup 5 --runs "$runs" --export-json "$work/start.json" \
  "$APISH -c 'GET $BASE/data.json --body'" "curl -s $BASE/data.json" \
  "$APISH --version" "curl --version" > /dev/null

python3 - "$work/json" "$work/start.json" <<'PY'
import json, sys
rows = [line.split() for line in open(sys.argv[1])]
print("| goal | apish | anchor | ratio or difference | met |")
print("| --- | ---: | ---: | ---: | --- |")
for row in rows:
    if row[0] in ("fmt", "query"):
        a_user, a_sys, a_wall = map(float, row[1:4])
        j_user, j_sys, j_wall = map(float, row[5:8])
        name = "`fmt` vs `jq .`" if row[0] == "fmt" else "`query '$..id'` vs jq"
        for label, a, j in (("user CPU", a_user, j_user), ("user+system CPU", a_user + a_sys, j_user + j_sys), ("wall", a_wall, j_wall)):
            ratio = j / a
            print(f"| {name}, {label}: ≥ 10x jq | {a:.2f} s | {j:.2f} s | {ratio:.1f}x | {'yes' if ratio >= 10 else 'no'} |")
for row in rows:
    if row[0] == "memory":
        shape, size, peak_kib = row[1], int(row[2]), float(row[6])
        ratio = peak_kib * 1024 / size
        print(f"| `query` peak RSS, {shape}: ≤ 2x the input | {peak_kib / 1024:.0f} MiB | {size / 2**20:.0f} MiB input | {ratio:.2f}x | {'yes' if ratio <= 2 else 'no'} |")
results = json.load(open(sys.argv[2]))["results"]
mean = [r["mean"] * 1000 for r in results]
cpu = [(r["user"] + r["system"]) * 1000 for r in results]
for name, goal, a, c, ac, cc in (("one GET (nginx, loopback)", 5, mean[0], mean[1], cpu[0], cpu[1]),
                                 ("`--version`", 3, mean[2], mean[3], cpu[2], cpu[3])):
    diff = a - c
    print(f"| {name}: ≤ curl + {goal} ms | {a:.1f} ms ({ac:.1f} ms CPU) | {c:.1f} ms ({cc:.1f} ms CPU) | {diff:+.1f} ms | {'yes' if diff <= goal else 'no'} |")
PY
echo
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $repeat runs each for the JSON rows (medians), $runs for the start-up rows (means)."
