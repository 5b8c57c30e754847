#!/usr/bin/env bash
# Checks `make install` end to end in a temporary prefix: the binary runs with nothing but /usr/bin and
# /bin on the PATH and an empty environment (no Swift toolchain), the man page is found by man, bash
# completion is registered, and `make uninstall` leaves no file behind.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh system man-db

prefix=$(mktemp -d)
work=$(mktemp -d)
trap 'rm -rf "$prefix" "$work"' EXIT
fail() { echo "check-install: $*" >&2; exit 1; }

make install PREFIX="$prefix"

# The toolchain out of reach: an empty environment, a minimal PATH.
run() { env -i PATH=/usr/bin:/bin HOME="$work" "$prefix/bin/apish" "$@"; }
version=$(run --version) || fail "the installed binary does not run without the toolchain"
echo "installed apish $version"
if ldd "$prefix/bin/apish" | grep -q 'libswift\|libFoundation'; then
  fail "the installed binary still loads Swift libraries: $(ldd "$prefix/bin/apish" | grep 'swift\|Foundation')"
fi
printf '{"b": [1, 2.50], "a": "x"}' > "$work/data.json"
[ "$(run fmt "$work/data.json")" = "$(printf '{\n  "b": [\n    1,\n    2.50\n  ],\n  "a": "x"\n}')" ] \
  || fail "apish fmt printed: $(run fmt "$work/data.json")"
[ "$(run query --each '$.b[1]' "$work/data.json")" = "2.50" ] || fail "apish query printed: $(run query --each '$.b[1]' "$work/data.json")"

# A request over the network stack: the installed sandbox, asked by the installed shell with -c.
cd "$work"
# Started without the `run` function, so that $! is the sandbox itself (env execs it) and kill stops it.
env -i PATH=/usr/bin:/bin HOME="$work" "$prefix/bin/apish" sandbox --port 0 > sandbox.log 2>&1 &
sandbox=$!
trap 'kill $sandbox 2>/dev/null || true; rm -rf "$prefix" "$work"' EXIT
for _ in $(seq 100); do grep -q 'Ctrl-C' sandbox.log && break; sleep 0.1; done
url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' sandbox.log | head -1)
[ -n "$url" ] || fail "the sandbox did not start: $(cat sandbox.log)"
answer=$(run -c "GET $url/api/contacts limit==1 'Authorization:Basic YWRtaW46bWF1dGlj'" -c 'q $.total' 2>&1) \
  || fail "apish -c GET failed: $answer"
[ "$(echo "$answer" | tail -1)" = '"5"' ] || fail "apish -c GET answered: $answer"
kill $sandbox
cd - >/dev/null

page=$(MANPATH="$prefix/share/man" man -w apish) || fail "man does not find the page"
[ "$page" = "$prefix/share/man/man1/apish.1" ] || fail "man found $page"
MANPATH="$prefix/share/man" MANPAGER=cat man apish 2>/dev/null | grep -q 'apish' || fail "man apish shows nothing"

registered=$(bash -c "source '$prefix/share/bash-completion/completions/apish' && complete -p apish") \
  || fail "the bash completion script does not register"
echo "bash: $registered"
[ -s "$prefix/share/zsh/site-functions/_apish" ] || fail "no zsh completion"
[ -s "$prefix/share/fish/vendor_completions.d/apish.fish" ] || fail "no fish completion"

make uninstall PREFIX="$prefix"
left=$(find "$prefix" -type f)
[ -z "$left" ] || fail "make uninstall left: $left"
echo "check-install: ok"
