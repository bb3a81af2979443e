#!/usr/bin/env bash
# Installs webclean into a temporary prefix and builds a program outside the
# tree against it, both ways a user would (find_package(webclean) and
# pkg-config; in C++ and, through the C API, in C), then runs them.
#   scripts/install_test.sh static [BUILD_DIR]   the static library of BUILD_DIR (default build/)
#   scripts/install_test.sh shared               builds a shared libwebclean in build-shared/
#                                                first and checks that it exports only the API
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
kind="${1:-static}"
case "$kind" in
  static) build="${2:-$here/build}" ;;
  shared)
    build="$here/build-shared"
    cmake -S "$here" -B "$build" -DBUILD_SHARED_LIBS=ON -DWEBCLEAN_TESTS=OFF \
      -DWEBCLEAN_BENCH=OFF >/dev/null
    cmake --build "$build" -j "$(nproc)" --target webclean webclean_cli ;;
  *) echo "usage: $0 static [BUILD_DIR] | shared" >&2; exit 2 ;;
esac
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"
cmake --install "$build" --prefix "$prefix" >/dev/null
libdir="$(dirname "$(find "$prefix" -name 'webclean.pc' -path '*pkgconfig*')")/.."
fail() { echo "install_test ($kind): $*" >&2; exit 1; }

for f in include/webclean/cleaner.h include/webclean/webclean.h bin/webclean share/webclean/rules/README.md; do
  [ -e "$prefix/$f" ] || fail "$f not installed"
done

echo "== $kind: find_package(webclean)"
cmake -S "$here/tests/install" -B "$work/consumer" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$work/consumer" >/dev/null
LD_LIBRARY_PATH="$libdir" "$work/consumer/consumer" >/dev/null || fail "the CMake consumer failed"

echo "== $kind: pkg-config webclean"
export PKG_CONFIG_PATH="$libdir/pkgconfig"
# shellcheck disable=SC2046  # pkg-config's output is a list of flags
c++ -std=c++20 -o "$work/consumer-pc" "$here/tests/install/consumer.cc" \
  $(pkg-config --cflags --libs webclean)
LD_LIBRARY_PATH="$libdir" "$work/consumer-pc" >/dev/null || fail "the pkg-config consumer failed"

echo "== $kind: a C program, pkg-config webclean"
# shellcheck disable=SC2046
cc -std=c99 -o "$work/consumer-c" "$here/tests/install/consumer.c" $(pkg-config --cflags --libs webclean)
LD_LIBRARY_PATH="$libdir" "$work/consumer-c" || fail "the C consumer failed"

if [ "$kind" = shared ]; then
  echo "== shared: versioned SONAME, only the public API exported"
  so="$(find "$prefix" -name 'libwebclean.so.*.*.*' | head -1)"
  [ -n "$so" ] || fail "no versioned libwebclean.so installed"
  soname="$(objdump -p "$so" | awk '/SONAME/ {print $2}')"
  [[ "$soname" =~ ^libwebclean\.so\.[0-9]+\.[0-9]+$ ]] || fail "SONAME '$soname' is not versioned"
  # Every exported webclean symbol is a public class or function (or the C
  # API's webclean_*); no internal namespace (webclean::filter::...) leaks.
  leaked="$(nm -D --defined-only "$so" | awk '{print $3}' | c++filt |
    grep -E 'webclean::[a-z_]+::' || true)"
  [ -z "$leaked" ] || fail "internal symbols exported: $(echo "$leaked" | head -5)"
  # ...and nothing else: no instance of a standard template it happens to use.
  foreign="$(nm -D --defined-only "$so" | awk '{print $3}' | c++filt |
    grep -vE '^(webclean_|webclean::|typeinfo for webclean::|typeinfo name for webclean::|vtable for webclean::)' || true)"
  [ -z "$foreign" ] || fail "symbols outside the API exported: $(echo "$foreign" | head -5)"
  # Read whole first: with pipefail, grep -q quitting at its match can fail
  # the pipeline through the writers' SIGPIPE.
  exported="$(nm -D --defined-only "$so" | awk '{print $3}' | c++filt)"
  grep -q 'webclean::Cleaner::clean' <<<"$exported" || fail "webclean::Cleaner::clean not exported"
fi
echo "install_test ($kind): ok"
