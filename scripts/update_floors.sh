#!/usr/bin/env bash
# Rewrites corpus/floors.tsv from the scores the corpus test measured last
# (build/corpus_scores.tsv): each floor is the score less a margin, so
# small, deliberate trade-offs pass and real regressions fail.
#   scripts/update_floors.sh [BUILD_DIR] [MARGIN]   (defaults: build 0.03)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$here/build}"
margin="${2:-0.03}"
(cd "$build" && ./webclean_tests "[corpus]" >/dev/null 2>&1 || true)
scores="$build/corpus_scores.tsv"
[ -s "$scores" ] || { echo "no $scores: run the corpus test first" >&2; exit 1; }
{
  echo "# set/id<TAB>floor: measured score less $margin (scripts/update_floors.sh)"
  sort "$scores" | awk -F'\t' -v m="$margin" '{f = $2 - m; if (f < 0) f = 0; printf "%s\t%.3f\n", $1, f}'
} >"$here/corpus/floors.tsv"
echo "wrote $(grep -vc '^#' "$here/corpus/floors.tsv") floors to corpus/floors.tsv"
