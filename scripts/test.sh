#!/usr/bin/env bash
# Sets up (dependencies + Release build, scripts/setup.sh) and runs every
# test in two builds: the Release build (build/), then a clang build with
# AddressSanitizer and UndefinedBehaviorSanitizer (build-asan/; it also
# holds the fuzz targets that scripts/fuzz.sh runs). The Release part also
# runs the Python module's tests (scripts/python_test.sh).
#   scripts/test.sh [all|release|asan]      (default all)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
builds="${1:-all}"
case "$builds" in all | release | asan) ;; *) echo "usage: $0 [all|release|asan]" >&2; exit 2 ;; esac
# Each part says how long it took: the README quotes these times.
started=$SECONDS
took() { echo "== $1 took $((SECONDS - started)) s"; started=$SECONDS; }
"$here/scripts/setup.sh" all
took "setup and the Release build"
if [ "$builds" != asan ]; then
  echo "== tests: Release build (build/)"
  (cd "$here/build" && ctest --output-on-failure -j "$(nproc)")
  echo "== tests: the Python module (python/tests, then pip install . into a venv)"
  "$here/scripts/python_test.sh" "$here/build"
  took "the Release suite and the Python tests"
fi
if [ "$builds" != release ]; then
  echo "== tests: sanitizer build (build-asan/: clang, ASan + UBSan, fuzz targets)"
  # RelWithDebInfo: optimised like the real program (a sanitizer build at
  # -O0 would take the tests too long), with line numbers in reports.
  CC=clang CXX=clang++ cmake -S "$here" -B "$here/build-asan" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DWEBCLEAN_FUZZ=ON -DWEBCLEAN_BENCH=OFF >/dev/null
  cmake --build "$here/build-asan" -j "$(nproc)"
  (cd "$here/build-asan" && ctest --output-on-failure -j "$(nproc)")
  took "the sanitizer build and suite"
fi
