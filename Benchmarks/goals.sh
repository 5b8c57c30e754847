#!/usr/bin/env bash
# The performance goals, measured in one run on one binary, each beside its anchor:
#   fmt and query '$..id' against jq on the 100 MB contacts document (CPU time and wall time);
#   the peak memory of query on the four document shapes against the input's size;
#   one GET against curl (same nginx on loopback), and --version against curl's.
# Prints one markdown table of medians; "met" compares with the goal.
#   APISH=path/to/apish REPEAT=3 RUNS=40 Benchmarks/goals.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. Benchmarks/lib.sh
require jq curl python3
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
contacts="$data/contacts-100mb.json"
cat "$data"/*.json > /dev/null  # the page cache holds every input

# Each comparison runs its commands in turn, round after round (Benchmarks/alternate.py), so the
# machine's drift in load falls on apish and its anchor alike.
alternate() { python3 Benchmarks/alternate.py "$@" > /dev/null; }
alternate --runs "$repeat" --warmup 0 --json "$work/fmt.json" "apish=$APISH fmt $contacts" "jq=jq . $contacts"
alternate --runs "$repeat" --warmup 0 --json "$work/query.json" \
  "apish=$APISH query \$..id $contacts" "jq=jq [..|.id?|select(.!=null)] $contacts"
for shape in contacts tiny strings nested; do
  query='$..id'
  [ "$shape" = tiny ] && query='$..a'  # the tiny objects have no id
  alternate --runs "$repeat" --warmup 0 --json "$work/memory-$shape.json" "$shape=$APISH query $query $data/$shape-100mb.json"
done
start_nginx
alternate --runs "$runs" --warmup 5 --json "$work/start.json" \
  "get=$APISH -c 'GET $BASE/data.json --body'" "curl=curl -s $BASE/data.json" \
  "version=$APISH --version" "curl-version=curl --version"

python3 - "$work" <<'PY'
import json, os, statistics, sys
work = sys.argv[1]
def medians(name):
    """Median user, user+system and wall time in seconds, and peak KiB, of each command in a file."""
    rows = []
    for result in json.load(open(f"{work}/{name}.json"))["results"]:
        runs = result["runs"]
        median = lambda key: statistics.median(key(run) for run in runs)
        rows.append((median(lambda r: r["user_ms"]) / 1000, median(lambda r: r["user_ms"] + r["system_ms"]) / 1000,
                     median(lambda r: r["wall_ms"]) / 1000, median(lambda r: r["peak_kib"])))
    return rows
print("| goal | apish | anchor | ratio or difference | met |")
print("| --- | ---: | ---: | ---: | --- |")
for name, title in (("fmt", "`fmt` vs `jq .`"), ("query", "`query '$..id'` vs jq")):
    apish, jq = medians(name)
    for label, column in (("user CPU", 0), ("user+system CPU", 1), ("wall", 2)):
        ratio = jq[column] / apish[column]
        print(f"| {title}, {label}: ≥ 10x jq | {apish[column]:.2f} s | {jq[column]:.2f} s | {ratio:.1f}x | {'yes' if ratio >= 10 else 'no'} |")
data = "Benchmarks/data"
for shape in ("contacts", "tiny", "strings", "nested"):
    size = os.path.getsize(f"{data}/{shape}-100mb.json")
    peak_kib = medians(f"memory-{shape}")[0][3]
    ratio = peak_kib * 1024 / size
    print(f"| `query` peak RSS, {shape}: ≤ 2x the input | {peak_kib / 1024:.0f} MiB | {size / 2**20:.0f} MiB input | {ratio:.2f}x | {'yes' if ratio <= 2 else 'no'} |")
start = medians("start")
for name, goal, a, c in (("one GET (nginx, loopback)", 5, start[0], start[1]), ("`--version`", 3, start[2], start[3])):
    diff = (a[2] - c[2]) * 1000
    print(f"| {name}: ≤ curl + {goal} ms | {a[2] * 1000:.1f} ms ({a[1] * 1000:.1f} ms CPU) | {c[2] * 1000:.1f} ms ({c[1] * 1000:.1f} ms CPU) | {diff:+.1f} ms | {'yes' if diff <= goal else 'no'} |")
PY
echo
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); medians of $repeat alternated runs for the JSON rows, of $runs for the start-up rows."
