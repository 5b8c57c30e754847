#!/usr/bin/env bash
# Installs what the build or the tests need, only when it is missing.
#   install-deps.sh system PKG...   Debian packages (apt-get), checked with dpkg
#   install-deps.sh python PKG...   PyPI packages (pip), checked by importing them
set -euo pipefail
kind=$1; shift

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else echo "need root to run: $*" >&2; return 1
  fi
}

case $kind in
system)
  missing=()
  for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && exit 0
  if ! command -v apt-get >/dev/null; then
    echo "missing: ${missing[*]}. Install them with your package manager" >&2
    echo "(macOS: libedit ships with the system; Fedora: dnf install libedit-devel)." >&2
    exit 1
  fi
  echo "installing ${missing[*]} with apt-get"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  ;;
python)
  python=${PYTHON:-python3}
  declare -A module=([httpbin]=httpbin [flask]=flask [oauthlib]=oauthlib [requests-oauthlib]=requests_oauthlib [httpie]=httpie ["pyjwt[crypto]"]=jwt [pyyaml]=yaml)
  missing=()
  for package in "$@"; do
    "$python" -c "import ${module[$package]:-$package}" >/dev/null 2>&1 || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && exit 0
  echo "installing ${missing[*]} with pip"
  "$python" -m pip install --quiet "${missing[@]}" 2>/dev/null \
    || "$python" -m pip install --quiet --break-system-packages "${missing[@]}"
  ;;
*)
  echo "usage: install-deps.sh system|python PACKAGE..." >&2; exit 2 ;;
esac
