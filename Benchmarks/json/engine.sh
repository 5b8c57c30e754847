#!/usr/bin/env bash
# Builds the JSON and JSONPath modules alone, optimized, with the small driver in engine/ that does what
# `apish fmt` and `apish query` do (about a minute on two cores, instead of the package's release build), and prints
# its path. Then, for example:
#   Benchmarks/json/run.sh with APISH="$(Benchmarks/json/engine.sh)"
#   valgrind --tool=callgrind "$(Benchmarks/json/engine.sh)" fmt FILE > /dev/null
# The driver reads its input in one piece as apish does (not through the same code), and links the Swift runtime
# dynamically: a few million instructions of start-up that callgrind counts.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${ENGINE_BUILD:-$root/.build-engine}"
mkdir -p "$out"
flags=(-O -wmo -parse-as-library -swift-version 6 -g -I "$out")
swiftc "${flags[@]}" -emit-library -static -emit-module -module-name JSON -emit-module-path "$out/JSON.swiftmodule" \
    -o "$out/libJSON.a" $(find "$root/Sources/JSON" -name '*.swift') >&2
swiftc "${flags[@]}" -emit-library -static -emit-module -module-name JSONPath -emit-module-path "$out/JSONPath.swiftmodule" \
    -o "$out/libJSONPath.a" $(find "$root/Sources/JSONPath" -name '*.swift') >&2
swiftc -O -swift-version 6 -g -I "$out" -L "$out" -lJSON -lJSONPath "$here/engine/main.swift" -o "$out/engine" >&2
echo "$out/engine"
