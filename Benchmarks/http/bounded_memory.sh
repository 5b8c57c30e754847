#!/usr/bin/env bash
# Peak memory of apish against hostile bodies from a loopback server (Tests/TransportTests/peers/
# hostile_server.py): a chunked body of SIZE_MB (default 1024) saved with --output, a body kept in
# memory cut at --max-size, and a gzip bomb cut at the same limit counting decompressed bytes.
set -euo pipefail
cd "$(dirname "$0")/../.."
. Benchmarks/lib.sh
require curl python3
size_mb=${SIZE_MB:-1024}
peers=Tests/TransportTests/peers
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 "$peers/hostile_server.py" --port "$port" 2>/dev/null &
server=$!
work=$(mktemp -d)
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/chunked?mb=0" && break; sleep 0.05; done
apish=$(cd "$(dirname "$APISH")" && pwd)/$(basename "$APISH")

# Prints the command's peak RSS in MiB and its exit status.
peak() {
  local status=0
  (cd "$work" && python3 "$OLDPWD/$peers/peak_rss.py" "$apish" -c "$1" >/dev/null 2>"$work/err") || status=$?
  local kib
  kib=$(tail -1 "$work/err" | awk '{ print $2 }')
  printf '| `%s` | %d MiB | %s |\n' "$1" $((kib / 1024)) "$status"
}

echo "| command | peak RSS | exit status |"
echo "| --- | ---: | ---: |"
peak "GET http://127.0.0.1:$port/chunked?mb=$size_mb --output body.bin"
peak "GET http://127.0.0.1:$port/chunked --max-size 100M"
peak "GET http://127.0.0.1:$port/gzip-bomb?mb=1024 --max-size 100M"
echo
echo "saved: $(stat -c %s "$work/body.bin") bytes"
