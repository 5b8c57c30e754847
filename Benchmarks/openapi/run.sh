#!/usr/bin/env bash
# Reading OpenAPI descriptions: Twilio's 2010 API (1.9 MB of JSON; the same as 1.5 MB of YAML), in a
# new process each time (`apish openapi operations`), YAML from scratch and from the state folder's JSON
# copy; then Tab completion on it in the shell.
set -euo pipefail
cd "$(dirname "$0")/../.."
source Benchmarks/lib.sh
require hyperfine python3
SPECS=${SPECS:-../shared/conformance/openapi/twilio}
export APISH_STATE_DIR=$(mktemp -d) APISH_WORKSPACE=$(mktemp -d)
trap 'rm -rf "$APISH_STATE_DIR" "$APISH_WORKSPACE"' EXIT

hyperfine -N --warmup 2 --runs 10 --export-markdown /dev/stdout \
  -n "JSON, 1.9 MB" "$APISH openapi operations $SPECS/twilio_api_v2010.json"
hyperfine -N --runs 5 --prepare "rm -rf $APISH_STATE_DIR/openapi" --export-markdown /dev/stdout \
  -n "YAML, 1.5 MB, first read" "$APISH openapi operations $SPECS/twilio_api_v2010.yaml"
hyperfine -N --warmup 1 --runs 10 --export-markdown /dev/stdout \
  -n "YAML, read again (state folder)" "$APISH openapi operations $SPECS/twilio_api_v2010.yaml"

mkdir -p "$APISH_WORKSPACE/environments"
printf 'baseUrl = https://api.twilio.com\nopenapi = %s\n' "$(realpath "$SPECS/twilio_api_v2010.json")" \
  > "$APISH_WORKSPACE/environments/twilio.env"
echo
echo "Tab on GET /2010-04-01/Accounts/AC1/Calls.json Status==in- (an enum value from the description):"
python3 Benchmarks/openapi/tab_latency.py 20 "apish [twilio]> " "GET /2010-04-01/Accounts/AC1/Calls.json Status==in-" \
  "progress" "$APISH" --env twilio
