#!/usr/bin/env bash
# Quality of webclean on all of ../shared/corpus, scored by the shared
# scorer (../shared/eval/score.py), plus the one-thread speed on the HTML
# sets so that every change shows its cost.
#   bench/quality.sh [BUILD_DIR]      (default: build)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$here/../shared}"
build="${1:-$here/build}"
bin="$build/webclean"
[ -x "$bin" ] || { echo "quality.sh: $bin not built (run scripts/setup.sh)" >&2; exit 2; }
score="python3 $shared/eval/score.py"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

# run NAME FILES... : cleans the files at -j1 into $out/NAME, prints pages/s and MB/s
run() {
  local name=$1; shift
  mkdir -p "$out/$name"
  local bytes start end
  bytes=$(for f in "$@"; do case "$f" in *.gz) zcat "$f";; *) cat "$f";; esac; done | wc -c)
  start=$(date +%s.%N)
  "$bin" -j1 ${WEBCLEAN_ARGS:-} -o "$out/$name" "$@" 2>"$out/$name.err" || true
  end=$(date +%s.%N)
  python3 - "$name" "$#" "$bytes" "$start" "$end" <<'PY'
import sys
name, pages, size, start, end = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
t = end - start
print(f"speed {name:12s} {pages:5d} pages {size/1e6:7.1f} MB {t:6.2f} s  {pages/t:7.1f} pages/s {size/1e6/t:6.1f} MB/s (-j1, end to end)")
PY
}

texts() { for f in "$1"/*.txt; do case "$f" in *.gold.txt) ;; *) echo "$f";; esac; done; }

run readability "$shared"/corpus/readability/*.html.gz
run trafilatura "$shared"/corpus/trafilatura/*.html.gz
mapfile -t text_inputs < <(texts "$shared/corpus/text")
run text "${text_inputs[@]}"
mapfile -t seed_inputs < <(texts "$shared/corpus/seeds")
run seeds "${seed_inputs[@]}"
# The same text dumps hard-wrapped at 78 columns, as lynx -dump, w3m -dump
# and html2text write them: the unwrapping of text/parse.cc, scored
# against the same gold.
mkdir -p "$out/wrapped-input"
python3 - "$out/wrapped-input" "${text_inputs[@]}" <<'PY'
import os, sys, textwrap
folder = sys.argv[1]
for path in sys.argv[2:]:
    lines = open(path, encoding="utf-8").read().split("\n")
    wrapped = ["\n".join(textwrap.wrap(line, 78)) if len(line) > 78 else line for line in lines]
    open(os.path.join(folder, os.path.basename(path)), "w", encoding="utf-8").write("\n".join(wrapped))
PY
run text-wrapped "$out"/wrapped-input/*.txt
# The readability pages as real text browsers and converters dump them
# (lynx -dump, w3m -dump, html2text; 80 columns), when those are installed
# (apt-get install lynx w3m html2text): scored against the pages' gold.
# lynx-list is lynx's default dump, each link numbered ("[12]Home") and a
# References list of URLs at the end; html2text underscores link texts.
dumps=()
for browser in lynx lynx-list w3m html2text; do
  command -v "${browser%-list}" >/dev/null || { echo "quality.sh: ${browser%-list} not installed, its row is skipped" >&2; continue; }
  mkdir -p "$out/$browser-input"
  for page in "$shared"/corpus/readability/*.html.gz; do
    name="$(basename "$page" .html.gz)"
    zcat "$page" >"$out/page.html"
    case "$browser" in
      lynx) timeout 20 lynx -dump -nolist -width=80 -assume_charset=utf-8 -display_charset=utf-8 "$out/page.html" ;;
      lynx-list) timeout 20 lynx -dump -width=80 -assume_charset=utf-8 -display_charset=utf-8 "$out/page.html" ;;
      w3m) timeout 20 w3m -dump -T text/html -cols 80 -I UTF-8 -O UTF-8 "$out/page.html" ;;
      html2text) timeout 20 html2text -utf8 -width 80 "$out/page.html" ;;
    esac >"$out/$browser-input/$name.txt" 2>/dev/null || true
  done
  WEBCLEAN_ARGS="--input text" run "$browser-dump" "$out/$browser-input"/*.txt
  dumps+=("$browser")
done
# ... and as Markdown (pandoc, GitHub-flavoured, links kept), the form the
# reader services of LLM pipelines give, when pandoc is installed; these
# are sniffed (--input auto), as a user would run them.
if command -v pandoc >/dev/null; then
  mkdir -p "$out/markdown-input"
  for page in "$shared"/corpus/readability/*.html.gz; do
    name="$(basename "$page" .html.gz)"
    zcat "$page" | timeout 30 pandoc -f html -t gfm-raw_html --wrap=none \
      -o "$out/markdown-input/$name.txt" 2>/dev/null || true
  done
  run markdown-dump "$out/markdown-input"/*.txt
  dumps+=("markdown")
else
  echo "quality.sh: pandoc not installed, the Markdown row is skipped" >&2
fi

# WCXB's dev split (7 page types, words mode) and the text dumps of its
# articles (gold and words modes); pass files, not the folder, which also
# holds .txt and .jsonl files.
run wcxb-dev "$shared"/corpus/wcxb-dev/*.html.gz
mapfile -t post_inputs < <(texts "$shared/corpus/wcxb-dev-post")
run wcxb-dev-post "${post_inputs[@]}"
# The wcxb-dev pages as whole-page text dumps (eval/render_text.py, the way
# corpus/text was made), scored in words mode against the pages' gold,
# beside the dumps as they are.
mkdir -p "$out/wcxb-dev-dump-input"
python3 "$shared/eval/render_text.py" --out-dir "$out/wcxb-dev-dump-input" "$shared"/corpus/wcxb-dev/*.html.gz
WEBCLEAN_ARGS="--input text" run wcxb-dev-dump "$out"/wcxb-dev-dump-input/*.txt
# ... and the cost of the repetition filter's first pass on them (one
# folder: one site): the same run with --no-repeats.
WEBCLEAN_ARGS="--input text --no-repeats" run wcxb-dev-dump-1pass "$out"/wcxb-dev-dump-input/*.txt
# The repetition filter's batch: the wcxb-dev pages of the hosts with 3 or
# more pages, one folder per host (the site of a file without a URL is its
# folder), as whole-page dumps and as pages, with the filter on (the
# default of a bulk run) and off (--no-repeats).
python3 - "$shared/corpus/wcxb-dev" "$out" <<'PY'
import collections, glob, json, os, shutil, sys, urllib.parse
gold_dir, out = sys.argv[1], sys.argv[2]
hosts = collections.defaultdict(list)
for meta in sorted(glob.glob(gold_dir + "/*.meta.json")):
    host = urllib.parse.urlparse(json.load(open(meta))["url"]).hostname or ""
    hosts[host.removeprefix("www.")].append(os.path.basename(meta)[:-len(".meta.json")])
ids = []
for host, pages in sorted(hosts.items()):
    if len(pages) < 3:
        continue
    for kind in ("dumps", "pages"):
        os.makedirs(f"{out}/host-batch-{kind}/{host}", exist_ok=True)
    for i in pages:
        shutil.copy(f"{out}/wcxb-dev-dump-input/{i}.txt", f"{out}/host-batch-dumps/{host}/{i}.txt")
        shutil.copy(f"{gold_dir}/{i}.html.gz", f"{out}/host-batch-pages/{host}/{i}.html.gz")
        ids.append(i)
open(f"{out}/host-batch.ids", "w").write("\n".join(ids) + "\n")
PY
for kind in dumps pages; do
  for mode in on off; do
    flags="-q -j1"; [ "$mode" = off ] && flags="$flags --no-repeats"
    [ "$kind" = dumps ] && flags="$flags --input text"
    "$bin" $flags -o "$out/host-batch-$kind-$mode-tree" "$out/host-batch-$kind" 2>/dev/null || true
    mkdir -p "$out/host-batch-$kind-$mode"
    find "$out/host-batch-$kind-$mode-tree" -name '*.txt' -exec cp {} "$out/host-batch-$kind-$mode/" \;
  done
done
# The page type of each wcxb-dev page (metadata.page_type), not timed.
"$bin" -q -j2 -f json -o "$out/wcxb-dev-json" "$shared"/corpus/wcxb-dev/*.html.gz 2>/dev/null || true
"$bin" -q -j2 -f json -o "$out/wcxb-dev-post-json" "${post_inputs[@]}" 2>/dev/null || true

cd "$shared"
echo
$score gold --gold-dir corpus/readability --pred-dir "$out/readability" --name readability | tail -1
$score gold --gold-dir corpus/readability --pred-dir "$out/readability" --ids eval/readability-real.ids --name readability-real | tail -1
$score snippets --evaldata corpus/trafilatura/evaldata.jsonl --pred-dir "$out/trafilatura" --name trafilatura | tail -1
$score gold --gold-dir corpus/text --pred-dir "$out/text" --name text | tail -1
$score gold --gold-dir corpus/text --pred-dir "$out/text-wrapped" --name text-wrapped | tail -1
for browser in "${dumps[@]}"; do
  $score gold --gold-dir corpus/readability --pred-dir "$out/$browser-dump" --name "$browser-dump" | tail -1
  $score gold --gold-dir corpus/readability --pred-dir "$out/$browser-dump" --ids eval/readability-real.ids --name "$browser-dump-real" | tail -1
done
$score gold --gold-dir corpus/seeds --pred-dir "$out/seeds" --name seeds | tail -1
$score snippets --evaldata corpus/seeds/evaldata.jsonl --pred-dir "$out/seeds" --name seeds-snippets | tail -1
$score words --gold-dir corpus/wcxb-dev --pred-dir "$out/wcxb-dev" --name wcxb-dev | tail -n +2 | grep -v '^mean'
$score gold --gold-dir corpus/wcxb-dev-post --pred-dir "$out/wcxb-dev-post" --name wcxb-dev-post | tail -1
$score gold --gold-dir corpus/wcxb-dev-post --pred-dir corpus/wcxb-dev-post --ext .txt --name wcxb-dev-post-input-as-is | tail -1
$score words --gold-dir corpus/wcxb-dev-post --pred-dir "$out/wcxb-dev-post" --name wcxb-dev-post-words | tail -1
echo "wcxb-dev whole-page dumps, input as is:"
$score words --gold-dir corpus/wcxb-dev --pred-dir "$out/wcxb-dev-dump-input" --name wcxb-dev-dump-input-as-is | tail -n +3 | grep -v '^mean'
echo "wcxb-dev whole-page dumps, cleaned:"
$score words --gold-dir corpus/wcxb-dev --pred-dir "$out/wcxb-dev-dump" --name wcxb-dev-dump | tail -n +3 | grep -v '^mean'
for kind in dumps pages; do
  for mode in on off; do
    $score words --gold-dir corpus/wcxb-dev --pred-dir "$out/host-batch-$kind-$mode" \
      --ids "$out/host-batch.ids" --name "host-batch-$kind-repeats-$mode" | tail -1
  done
done
# Empty outputs of wcxb-dev, apart from the pages whose gold is empty too
# (the benchmark's verdict that they have no main content; score.py gives
# an empty output 1.0 there).
python3 - corpus/wcxb-dev "$out/wcxb-dev" <<'PY'
import glob, os, re, sys
gold_dir, pred_dir = sys.argv[1], sys.argv[2]
has_text = lambda path: os.path.exists(path) and re.search(r"\w", open(path, encoding="utf-8", errors="replace").read())
ids = sorted(os.path.basename(f)[:-len(".meta.json")] for f in glob.glob(gold_dir + "/*.meta.json"))
empties = [i for i in ids if not has_text(f"{pred_dir}/{i}.txt")]
wrong = [i for i in empties if has_text(f"{gold_dir}/{i}.gold.txt")]
print(f"wcxb-dev empty outputs: {len(empties)} ({len(empties) - len(wrong)} with an empty gold too; "
      f"{len(wrong)} where the gold has text: {' '.join(wrong)})")
PY
# Page type accuracy against the labels of meta.json: overall, on the two
# halves of the sorted pages (1st, 3rd, ... were used to tune, 2nd, 4th,
# ... held out), and per type with what it was most often mistaken for.
python3 - corpus/wcxb-dev "$out/wcxb-dev-json" <<'PY'
import collections, glob, json, os, sys
gold_dir, pred_dir = sys.argv[1], sys.argv[2]
ids = sorted(os.path.basename(f)[:-len(".meta.json")] for f in glob.glob(gold_dir + "/*.meta.json"))
def predicted(i):
    try:
        return json.load(open(os.path.join(pred_dir, i + ".json")))["metadata"]["page_type"]
    except (OSError, ValueError, KeyError):
        return "missing"
rows = [(json.load(open(f"{gold_dir}/{i}.meta.json"))["page_type"], predicted(i)) for i in ids]
def acc(rs): return sum(g == p for g, p in rs) / max(1, len(rs))
print(f"page-type accuracy {acc(rows):.3f} ({sum(g == p for g, p in rows)}/{len(rows)}); "
      f"tuned half {acc(rows[0::2]):.3f}, held-out half {acc(rows[1::2]):.3f}")
for t in sorted(set(g for g, _ in rows)):
    rs = [r for r in rows if r[0] == t]
    wrong = collections.Counter(p for g, p in rs if p != t).most_common(3)
    print(f"  {t:14s} {acc(rs):.3f} ({len(rs):4d})" +
          ("  mistaken for: " + ", ".join(f"{p} {n}" for p, n in wrong) if wrong else ""))
PY
# The text dumps are all articles: how many the text path calls so.
python3 - "$out/wcxb-dev-post-json" <<'PY'
import collections, glob, json, sys
types = collections.Counter(json.load(open(f))["metadata"]["page_type"] for f in glob.glob(sys.argv[1] + "/*.json"))
total = sum(types.values())
print(f"page-type wcxb-dev-post (all articles): article {types['article']}/{total} = {types['article'] / max(1, total):.3f}; "
      + ", ".join(f"{t} {n}" for t, n in types.most_common() if t != "article"))
PY
if [ -n "${KEEP:-}" ]; then rm -rf "$KEEP"; cp -r "$out" "$KEEP"; echo "outputs kept in $KEEP"; fi
