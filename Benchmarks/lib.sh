# Shared by the benchmark scripts: the apish binary, a sandbox on a free loopback port, tool checks.
APISH=${APISH:-.build/release/apish}
[ -x "$APISH" ] || { echo "build apish first: swift build -c release (or set APISH)" >&2; exit 1; }

require() {
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "missing $tool (make bench installs it)" >&2; exit 1; }
  done
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Commands run when the script exits, in the order given (one EXIT trap runs them all).
EXIT_ACTIONS=()
on_exit() {
  EXIT_ACTIONS+=("$1")
  trap 'for action in "${EXIT_ACTIONS[@]}"; do eval "$action"; done' EXIT
}

# Starts `apish sandbox` on a free port; sets PORT and BASE; stops it when the script exits.
start_sandbox() {
  PORT=$(free_port)
  BASE="http://127.0.0.1:$PORT"
  "$APISH" sandbox --port "$PORT" >/dev/null 2>&1 &
  SANDBOX_PID=$!
  trap 'kill $SANDBOX_PID 2>/dev/null' EXIT
  for _ in $(seq 100); do curl -s -o /dev/null "$BASE/" && return 0; sleep 0.05; done
  echo "the sandbox did not start" >&2; exit 1
}

# Starts nginx as this user, in the foreground, on a free loopback port, serving a small JSON document
# at $BASE/data.json; its configuration, pid file, logs and temporary files stay in a temporary folder.
# Sets PORT and BASE; stops nginx and removes the folder when the script exits.
start_nginx() {
  local nginx=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
  [ -x "$nginx" ] || { echo "missing nginx (scripts/install-deps.sh system nginx)" >&2; exit 1; }
  local dir
  dir=$(mktemp -d)
  PORT=$(free_port)
  BASE="http://127.0.0.1:$PORT"
  mkdir -p "$dir/html" "$dir/logs" "$dir/tmp"
  # Started by root, nginx serves as an unprivileged user, who must be able to read the document.
  chmod 755 "$dir" "$dir/html"
  printf '{"id": 1, "name": "Ada Lovelace", "email": "ada@example.com"}\n' > "$dir/html/data.json"
  cat > "$dir/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/logs/error.log;
events { worker_connections 64; }
http {
  access_log $dir/logs/access.log;
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;
  keepalive_requests 1000000;
  types { application/json json; }
  server { listen 127.0.0.1:$PORT; root $dir/html; }
}
CONF
  "$nginx" -p "$dir" -c "$dir/nginx.conf" -e "$dir/logs/error.log" &
  local pid=$!
  on_exit "kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf '$dir'"
  for _ in $(seq 100); do curl -s -o /dev/null "$BASE/data.json" && return 0; sleep 0.05; done
  echo "nginx did not start:" >&2; cat "$dir/logs/error.log" >&2; exit 1
}
