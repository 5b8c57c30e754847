# Shared by the benchmark scripts: the apish binary, a sandbox on a free loopback port, tool checks.
APISH=${APISH:-.build/release/apish}
[ -x "$APISH" ] || { echo "build apish first: swift build -c release (or set APISH)" >&2; exit 1; }

require() {
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "missing $tool (make bench installs it)" >&2; exit 1; }
  done
}

# Starts `apish sandbox` on a free port; sets PORT and BASE; stops it when the script exits.
start_sandbox() {
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  BASE="http://127.0.0.1:$PORT"
  "$APISH" sandbox --port "$PORT" >/dev/null 2>&1 &
  SANDBOX_PID=$!
  trap 'kill $SANDBOX_PID 2>/dev/null' EXIT
  for _ in $(seq 100); do curl -s -o /dev/null "$BASE/" && return 0; sleep 0.05; done
  echo "the sandbox did not start" >&2; exit 1
}
