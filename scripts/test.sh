#!/usr/bin/env bash
# Sets up (dependencies + build, scripts/setup.sh) and runs every test.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/scripts/setup.sh"
cd "$here/build"
ctest --output-on-failure -j "$(nproc)"
