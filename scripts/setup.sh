#!/usr/bin/env bash
# Installs the Debian packages listed in scripts/deps.txt (the one list of
# webclean's dependencies), then configures build/ and builds the command
# line there (scripts/test.sh builds the rest: tests, benchmark).
#   scripts/setup.sh [TARGET ...]      (default: webclean_cli, the tool)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
# Lines marked "# cluster" are for the cluster test only (WEBCLEAN_CLUSTER=1).
lines=$(grep -v '^\s*#' "$here/scripts/deps.txt")
[ "${WEBCLEAN_CLUSTER:-0}" = 1 ] || lines=$(grep -v '#\s*cluster' <<<"$lines")
packages=$(sed 's/#.*//' <<<"$lines" | tr '\n' ' ')
missing=()
for p in $packages; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
build_type="${BUILD_TYPE:-Release}"
cmake -S "$here" -B "$here/build" -DCMAKE_BUILD_TYPE="$build_type" >/dev/null
targets=("${@:-webclean_cli}")
cmake --build "$here/build" -j "$(nproc)" --target "${targets[@]}"
