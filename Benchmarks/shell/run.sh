#!/usr/bin/env bash
# Time to the first prompt and memory at it: apish, http-prompt (where it installs; HTTP_PROMPT=path
# picks one in a virtualenv), bash as the floor.
set -euo pipefail
cd "$(dirname "$0")/../.."
. Benchmarks/lib.sh
runs=${RUNS:-20}
state=$(mktemp -d); trap 'rm -rf "$state"' EXIT
echo "| shell | first prompt (median of $runs) | resident memory |"
echo "| --- | --- | --- |"
printf '| apish | %s |\n' "$(APISH_STATE_DIR=$state APISH_WORKSPACE=$state python3 Benchmarks/shell/first_prompt.py "$runs" 'apish' "$APISH" | sed 's/  / | /')"
printf '| bash --norc -i | %s |\n' "$(python3 Benchmarks/shell/first_prompt.py "$runs" 'bash-' bash --norc -i | sed 's/  / | /')"
http_prompt=${HTTP_PROMPT:-http-prompt}
if command -v "$http_prompt" >/dev/null; then
  printf '| http-prompt | %s |\n' "$(HOME=$state python3 Benchmarks/shell/first_prompt.py "$runs" '>' "$http_prompt" http://127.0.0.1:9 | sed 's/  / | /')"
else
  echo "| http-prompt | not installed (pip install http-prompt) | |"
fi
