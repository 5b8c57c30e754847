#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ against the parsers' own sources (address sanitizer on) and runs
# each for a while from its seed corpus. Only the pure modules are compiled, with swiftc directly, so the
# sanitizer build skips NIO and the rest of the package.
#
#   scripts/fuzz.sh [TARGET...]      build, then run each target (all when none is named)
#   FUZZ_SECONDS=60                  time per target
#   FUZZ_BUILD_ONLY=1                build, do not run
#   FUZZ_REPLAY=1                    run each target over its committed seed corpus only, no new inputs:
#                                    the deterministic smoke CI runs (a mutation run could meet an open
#                                    finding of FUZZING.md at random and fail a build for no change of its own)
#
# New inputs the fuzzer finds go to .build-fuzz/corpus/TARGET (kept between runs); a crash, leak or
# timeout is written to Fuzz/Crashes/TARGET/ and makes the script fail. Both folders are git-ignored.
# Replay one input with: SWIFT_BACKTRACE=enable=no .build-fuzz/bin/fuzz-TARGET Fuzz/Crashes/TARGET/crash-…
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
root=$PWD
build=.build-fuzz
modules=$root/$build/modules
bins=$root/$build/bin
mkdir -p "$modules" "$bins"

# target → the modules it links, in dependency order (a module's dependencies before it).
declare -A target_modules=(
  [json]="JSON"
  [jsonpath]="JSON JSONPath"
  [hurl]="Hurl"
  [line-assembly]="LineEditor"
  [httpie-items]="JSON Hurl HTTPExchange"
  [curl-import]="JSON Hurl HTTPExchange Interop"
  [postman-import]="JSON Hurl HTTPExchange Interop"
  [environment]="JSON Hurl HTTPExchange Workspace"
  [http-response]="JSON Hurl HTTPExchange"
  [sandbox-parameters]="JSON Hurl HTTPExchange"
)
# module → the modules it imports (as in Package.swift): a change there rebuilds it.
declare -A module_dependencies=(
  [JSON]="" [Hurl]="" [LineEditor]="" [JSONPath]="JSON" [HTTPExchange]="JSON Hurl"
  [Interop]="JSON Hurl HTTPExchange" [Workspace]="HTTPExchange Hurl"
)
# The sandbox module needs Hummingbird as a whole; its request decoding does not, so those files are
# compiled into the harness itself (same sources, same module name, nothing copied).
sandbox_sources=(
  Sources/Sandbox/HTTP/*.swift
  Sources/Sandbox/OAuth1/OAuth1Parameters.swift
  Sources/Sandbox/OAuth2/OAuth2Error.swift
  Sources/Sandbox/Auth/*.swift
  Sources/Sandbox/Configuration/SandboxCredentials.swift
  Sources/Sandbox/Contacts/{Contact,ContactBook,ContactColumn,ContactField,ContactInput,ContactJSON,ContactListQuery,ContactSearch,SQLLikePattern,WhereClause}.swift
)
all_targets=(json jsonpath hurl line-assembly httpie-items curl-import postman-import environment http-response sandbox-parameters)
# Longest input per target: large enough for deep nesting and long lines, small enough to stay fast.
declare -A max_len=([postman-import]=32768 [json]=32768)

swift_flags=(-sanitize=fuzzer,address -O -wmo -g -swift-version 6 -parse-as-library -I "$modules")
libedit_cflags=$(pkg-config --cflags libedit 2>/dev/null || true)
libedit_libs=$(pkg-config --libs libedit 2>/dev/null || echo -ledit)

# True when $1 is missing or older than any file under the folders or files that follow. (After changing
# the compiler flags below, remove .build-fuzz to rebuild everything.)
stale() {
  local output=$1; shift
  [ -e "$output" ] || return 0
  [ -n "$(find "$@" -type f -newer "$output" 2>/dev/null | head -1)" ]
}

# LineEditor imports libedit through the CLibEdit module map, when compiled and when imported.
clibedit_flags=(-I "$root/Sources/CLibEdit")
for flag in $libedit_cflags; do clibedit_flags+=(-Xcc "$flag"); done

build_module() {
  local name=$1 library=$modules/lib$1.a dependencies=()
  for dependency in ${module_dependencies[$1]}; do dependencies+=("$modules/$dependency.swiftmodule"); done
  stale "$library" "Sources/$name" "${dependencies[@]}" || return 0
  echo "fuzz: compiling $name with the address sanitizer and coverage"
  local extra=()
  [ "$name" = LineEditor ] && extra=("${clibedit_flags[@]}")
  local sources=()
  # Interop's OpenAPI scaffolding needs the OpenAPI module and Yams' C parser, which no target here
  # feeds; the curl and Postman harnesses link the rest of Interop.
  mapfile -t sources < <(find "Sources/$name" -name '*.swift' -not -path 'Sources/Interop/OpenAPI/*' | sort)
  swiftc "${swift_flags[@]}" "${extra[@]}" -module-name "$name" -emit-library -static \
    -emit-module -emit-module-path "$modules/$name.swiftmodule" -o "$library" "${sources[@]}"
}

build_target() {
  local target=$1 binary=$bins/fuzz-$1
  local names=(${target_modules[$target]})
  for name in "${names[@]}"; do build_module "$name"; done
  local sources=(Fuzz/FuzzInput.swift "Fuzz/$target.swift") module_name=Fuzz${target//-/}
  if [ "$target" = sandbox-parameters ]; then
    sources+=("${sandbox_sources[@]}")
    module_name=Sandbox
  fi
  local libraries=() library_files=()
  for ((i = ${#names[@]} - 1; i >= 0; i--)); do
    libraries+=("-l${names[i]}")
    library_files+=("$modules/lib${names[i]}.a")
  done
  if [ "$target" = line-assembly ]; then libraries+=("${clibedit_flags[@]}" $libedit_libs); fi
  stale "$binary" "${sources[@]}" "${library_files[@]}" || return 0
  echo "fuzz: linking fuzz-$target"
  # From the output folder: swiftc leaves a debugging copy of a multi-file executable's module in the
  # working directory.
  (cd "$bins" && swiftc "${swift_flags[@]}" -use-ld=lld -module-name "$module_name" "${sources[@]/#/$root/}" \
    -L "$modules" "${libraries[@]}" -o "$binary")
}

run_target() {
  local target=$1 corpus=$build/corpus/$1 crashes=Fuzz/Crashes/$1 log=$build/logs/$1.log
  mkdir -p "$corpus" "$crashes" "$build/logs"
  if [ -n "${FUZZ_REPLAY:-}" ]; then echo "fuzz: running $target over its seed corpus"; else echo "fuzz: running $target for ${seconds}s"; fi
  local status=0
  # Swift's own crash handler would race the sanitizer's report; libFuzzer and ASan report instead.
  local inputs=("$corpus" "Fuzz/Corpus/$target") limit=(-max_total_time="$seconds")
  if [ -n "${FUZZ_REPLAY:-}" ]; then inputs=("Fuzz/Corpus/$target"); limit=(-runs=0); fi
  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=1 "$bins/fuzz-$target" "${inputs[@]}" \
    "${limit[@]}" -max_len="${max_len[$target]:-16384}" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$crashes/" -print_final_stats=1 >"$log" 2>&1 || status=$?
  local runs features coverage peak
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  peak=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
  coverage=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  features=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  local result=ok
  if [ "$status" != 0 ]; then
    result="FAILED (exit $status): $(grep -m1 -E '^==[0-9]+==ERROR|^ALARM|Fatal error|SUMMARY' "$log" || echo "see $log")"
  fi
  local span="${seconds}s"
  [ -n "${FUZZ_REPLAY:-}" ] && span=seeds
  printf '%-20s %12s runs %6s  cov %6s  ft %6s  rss %5s MB  %s\n' \
    "$target" "${runs:-0}" "$span" "${coverage:-?}" "${features:-?}" "${peak:-?}" "$result" | tee -a "$build/results.txt"
  [ "$status" = 0 ]
}

# One function, read whole before it runs, so that editing this file does not change a run in progress.
main() {
  targets=("$@")
  [ ${#targets[@]} -eq 0 ] && targets=("${all_targets[@]}")
  for target in "${targets[@]}"; do
    [ -n "${target_modules[$target]+set}" ] || { echo "fuzz: unknown target '$target' (targets: ${all_targets[*]})" >&2; exit 2; }
  done
  for target in "${targets[@]}"; do build_target "$target"; done
  [ -n "${FUZZ_BUILD_ONLY:-}" ] && exit 0

  failed=()
  for target in "${targets[@]}"; do run_target "$target" || failed+=("$target"); done
  if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: ${failed[*]} failed; the inputs are in Fuzz/Crashes/" >&2
    exit 1
  fi
}

main "$@"
