#!/usr/bin/env bash
# Whether a change left every output a user sees as it was: the command
# line of this tree and of git revision REV clean every document of every
# corpus folder (../shared/corpus/*: pages, text dumps, the gold files
# too) as JSON (text and metadata) and as Markdown, and the outputs are
# compared byte for byte. Prints the number of outputs compared and lists
# any that differ (exit 1). --explain listings are compared too, but only
# reported: a change may rename a reason on purpose.
#   bench/identical.sh --against REV [CORPUS_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="$root/../shared/corpus"
against=""
usage() { echo "usage: bench/identical.sh --against REV [CORPUS_DIR]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --against) [ $# -ge 2 ] || usage; against="$2"; shift 2 ;;
    -*) usage ;;
    *) corpus="$1"; shift ;;
  esac
done
[ -n "$against" ] || usage
[ -d "$corpus" ] || { echo "identical.sh: no corpus folder $corpus" >&2; exit 2; }
rev="$(git -C "$root" rev-parse --short "$against^{commit}")" ||
  { echo "identical.sh: --against $against is not a git revision of $root" >&2; exit 2; }

# Both command lines: this tree's (build/) and the revision's, built from
# its exported sources (shared with bench/run.sh --against).
cmake -S "$root" -B "$root/build" >/dev/null
cmake --build "$root/build" -j "$(nproc)" --target webclean_cli >/dev/null
theirs="$root/build-bench-$rev"
if [ ! -x "$theirs/bin/webclean" ]; then
  echo "== building $rev (once, in $theirs)" >&2
  mkdir -p "$theirs/src" "$theirs/bin"
  git -C "$root" archive "$rev" | tar -x -C "$theirs/src"
  cmake -S "$theirs/src" -B "$theirs/build" -DCMAKE_BUILD_TYPE=Release -DWEBCLEAN_TESTS=OFF \
    -DWEBCLEAN_BENCH=OFF >/dev/null
  cmake --build "$theirs/build" -j "$(nproc)" --target webclean_cli >/dev/null
  cp "$theirs/build/webclean" "$theirs/bin/"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
outputs() {  # BINARY OUT: every folder in each format
  local binary="$1" out="$2" folder name
  mkdir -p "$out"
  for folder in "$corpus"/*/; do
    name="$(basename "$folder")"
    # Exit 1 is a document that failed (an empty gold file, say): its
    # failure is compared like any output, through the summary's absence.
    "$binary" -q -f json -o "$out/json/$name/" "$folder" 2>>"$out/errors" || true
    "$binary" -q -f markdown -o "$out/md/$name/" "$folder" 2>>"$out/errors" || true
    "$binary" -q --explain -o "$out/explain/$name/" "$folder" 2>>"$out/errors" || true
  done
}
outputs "$root/build/webclean" "$work/ours"
outputs "$theirs/bin/webclean" "$work/theirs"

status=0
for kind in json md; do
  count=$(find "$work/ours/$kind" -type f | wc -l)
  if diff -rq "$work/theirs/$kind" "$work/ours/$kind" >"$work/diff-$kind"; then
    echo "$kind: $count outputs, byte-identical to $rev"
  else
    echo "$kind: $(wc -l <"$work/diff-$kind") of $count outputs differ from $rev:"
    sed 's/^/  /' "$work/diff-$kind" | head -20
    status=1
  fi
done
if diff -q "$work/theirs/errors" "$work/ours/errors" >/dev/null; then
  echo "failures: the same $(wc -l <"$work/ours/errors") messages"
else
  echo "failures differ:"; diff "$work/theirs/errors" "$work/ours/errors" | head -20; status=1
fi
explained=$(find "$work/ours/explain" -type f | wc -l)
changed=$(diff -rq "$work/theirs/explain" "$work/ours/explain" | wc -l || true)
echo "explain: $changed of $explained listings differ from $rev (reported, not a failure)"
exit $status
