#!/usr/bin/env bash
# wcxb-dev alone, for tuning work: words F1 per page type on all pages, on
# the tuning half (1st, 3rd, ... of the sorted pages) and on the held-out
# half (2nd, 4th, ...), plus empty outputs. Faster than bench/quality.sh.
#   bench/wcxb.sh [BUILD_DIR] [OUT_DIR]   (default: build, a temp dir)
#   ORACLE=1 bench/wcxb.sh ...   each page forced to its labelled type
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$here/../shared}"
build="${1:-$here/build}"
out="${2:-$(mktemp -d)}"
mkdir -p "$out/pred"
if [ "${ORACLE:-0}" = 1 ]; then
  # The extraction alone, as if the page type step were always right: each
  # page is cleaned with --page-type set to its label (for measurement only).
  for type in article forum product collection listing documentation service; do
    mapfile -t pages < <(grep -l "\"page_type\": *\"$type\"" "$shared"/corpus/wcxb-dev/*.meta.json | sed 's/\.meta\.json$/.html.gz/')
    "$build/webclean" -q -j"$(nproc)" --page-type "$type" ${WEBCLEAN_ARGS:-} -o "$out/pred" "${pages[@]}" 2>>"$out/errors" || true
  done
else
  "$build/webclean" -q -j"$(nproc)" ${WEBCLEAN_ARGS:-} -o "$out/pred" "$shared"/corpus/wcxb-dev/*.html.gz 2>"$out/errors" || true
fi
python3 "$shared/eval/score.py" words --gold-dir "$shared/corpus/wcxb-dev" --pred-dir "$out/pred" \
  --json "$out/scores.json" >/dev/null
python3 - "$out/scores.json" "$out/pred" "$shared/corpus/wcxb-dev" <<'PY'
import json, os, re, sys
scores, pred = json.load(open(sys.argv[1])), sys.argv[2]
rows = [dict(v, id=k) for k, v in sorted(scores["per_doc"].items())]
mean = lambda rs: sum(r["f1"] for r in rs) / max(1, len(rs))
types = ["article", "forum", "product", "collection", "listing", "documentation", "service", "all"]
print(f"{'type':14s} {'pages':>5s} {'all':>6s} {'tune':>6s} {'held':>6s}")
for t in types:
    pick = lambda half: [r for i, r in enumerate(rows) if i % 2 in half and t in ("all", r["page_type"])]
    print(f"{t:14s} {len(pick((0, 1))):5d} {mean(pick((0, 1))):6.3f} {mean(pick((0,))):6.3f} {mean(pick((1,))):6.3f}")
def empty(i):
    path = os.path.join(pred, i + ".txt")
    return not os.path.exists(path) or not re.search(r"\w", open(path, encoding="utf-8", errors="replace").read())
# An empty gold is the benchmark's verdict that a page has no main content:
# an empty output matches it (score.py gives 1.0), so count those apart.
empties = [r["id"] for r in rows if empty(r["id"])]
gold_empty = [i for i in empties if not re.search(r"\w", open(os.path.join(sys.argv[3], i + ".gold.txt"), encoding="utf-8").read())]
print(f"empty outputs: {len(empties)} ({len(gold_empty)} of them with an empty gold, which they match; "
      f"{len(empties) - len(gold_empty)} where the gold has text: {' '.join(i for i in empties if i not in gold_empty)})")
PY
echo "per-page scores: $out/scores.json"
