#!/usr/bin/env bash
# The sandbox under load: wrk against the contacts list (Basic auth) for DURATION seconds, with the
# sandbox's resident memory read before, during and after. It must stay up, answer without errors and
# stay flat in memory.
set -euo pipefail
cd "$(dirname "$0")/../.."
. Benchmarks/lib.sh
require wrk curl
start_sandbox
duration=${DURATION:-30}
connections=${CONNECTIONS:-64}
url="$BASE/api/contacts?limit=10"
auth="Authorization: Basic $(printf 'admin:mautic' | base64)"
rss() { awk '/VmRSS/ { print $2 }' "/proc/$SANDBOX_PID/status"; }

curl -sf -H "$auth" -o /dev/null "$url" || { echo "the sandbox does not answer $url" >&2; exit 1; }
before=$(rss)
report=$(mktemp)
wrk -t2 -c"$connections" -d"${duration}s" --latency -H "$auth" "$url" > "$report" &
wrk_pid=$!
samples=()
while kill -0 $wrk_pid 2>/dev/null; do samples+=("$(rss)"); sleep 5; done
wait $wrk_pid
after=$(rss)
status=$(curl -s -H "$auth" -o /dev/null -w '%{http_code}' "$url")
cat "$report"
rm "$report"
echo
echo "sandbox RSS (KiB): before $before, every 5 s under load: ${samples[*]}, after $after"
echo "after the run the sandbox answers: $status"
[ "$status" = 200 ] || exit 1
