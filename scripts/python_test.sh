#!/usr/bin/env bash
# Tests of the Python module (python/):
#   1. builds the module into BUILD_DIR (configured with -DWEBCLEAN_PYTHON=ON;
#      an existing build keeps its other options),
#   2. runs the pytest suite python/tests/ with that module on PYTHONPATH
#      (with the Dask recipe of contrib/dask/ on a LocalCluster, compared
#      with the command line built beside it),
#   3. installs the repository with `pip install .` into a fresh venv,
#      reusing BUILD_DIR (WEBCLEAN_BUILD_DIR: nothing is compiled twice),
#      and runs the suite again against the installed package.
#
# Usage: scripts/python_test.sh [BUILD_DIR]     (default: build/ of the repository)
# Environment: PYTHON   the interpreter to build for and test with (default
#                       /usr/bin/python3, Debian's, which has python3-pytest)
#              CMAKE_ARGS  extra configure arguments, e.g. a compiler launcher
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="$(realpath -m "${1:-$ROOT/build}")"
PYTHON="${PYTHON:-/usr/bin/python3}"
JOBS="${JOBS:-$(nproc)}"

if ! "$PYTHON" -c 'import pytest' 2>/dev/null; then
  echo "python_test.sh: $PYTHON has no pytest (Debian: apt-get install python3-pytest)" >&2
  exit 1
fi
PYTHON="$("$PYTHON" -c 'import sys; print(sys.executable)')"

step() { printf '\n== %s\n' "$*"; }

step "build the module in $BUILD_DIR for $PYTHON"
# shellcheck disable=SC2086 # CMAKE_ARGS is a list of arguments
cmake -S "$ROOT" -B "$BUILD_DIR" -DWEBCLEAN_PYTHON=ON -DPython_EXECUTABLE="$PYTHON" \
  ${CMAKE_ARGS:-} >/dev/null
# The command line too: the Dask recipe's test compares its output with it.
cmake --build "$BUILD_DIR" --target webclean_python webclean_cli --parallel "$JOBS"
export WEBCLEAN_CLI="$BUILD_DIR/webclean"

step "pytest with PYTHONPATH=$BUILD_DIR/python"
# From the repository root, not python/: there the source folder webclean/
# (without the compiled module) would shadow the built package.
(cd "$ROOT" && PYTHONPATH="$BUILD_DIR/python" "$PYTHON" -m pytest -q -p no:cacheprovider python/tests)

step "pip install . into a fresh venv, reusing $BUILD_DIR"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# --system-site-packages: the venv sees the system's pytest, and nothing
# else provides webclean, so the suite below tests the installed wheel.
"$PYTHON" -m venv --system-site-packages "$WORK/venv"
WEBCLEAN_BUILD_DIR="$BUILD_DIR" "$WORK/venv/bin/pip" install --no-index --disable-pip-version-check \
  --quiet "$ROOT"
(cd "$WORK" && "$WORK/venv/bin/python" - "$WORK/venv" <<'EOF'
import sys, webclean
assert webclean.__file__.startswith(sys.argv[1]), webclean.__file__
result = webclean.Cleaner().clean(
    "<html><body><nav><a href=/>Home</a></nav><article><p>An installed webclean "
    "cleans this paragraph, which is long enough to be article text.</p></article></body></html>")
assert result.ok and result.text.startswith("An installed webclean"), result
print("installed:", webclean.__file__, webclean.__version__)
EOF
)
(cd "$WORK" && "$WORK/venv/bin/python" -m pytest -q -p no:cacheprovider "$ROOT/python/tests")

step "python tests passed"
