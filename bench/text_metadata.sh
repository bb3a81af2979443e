#!/bin/sh
# Metadata quality on text dumps: the seeds (every field their meta.json
# gives: title, date, byline, site) and the text set (dumps of the
# readability pages, gold in ../shared/corpus/readability/NAME.meta.json:
# title, byline, language and date where the gold has one). Exact match
# after whitespace normalisation; the language compares primary tags.
# Usage: bench/text_metadata.sh [BINARY] [CORPUS_DIR]   (-v lists misses)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
verbose=""
[ "${1:-}" = "-v" ] && { verbose=1; shift; }
binary=${1:-$here/build/webclean}
corpus=${2:-$here/../shared/corpus}
texts() { for f in "$1"/*.txt; do case "$f" in *.gold.txt) ;; *) echo "$f" ;; esac; done; }
# shellcheck disable=SC2046
"$binary" -q -j 2 -f jsonl $(texts "$corpus/seeds") $(texts "$corpus/text") |
  VERBOSE="$verbose" CORPUS="$corpus" python3 -c '
import json, os, sys

def norm(text):
    return " ".join((text or "").split())

corpus = os.environ["CORPUS"]
verbose = bool(os.environ["VERBOSE"])
counts = {}  # (set, field) -> [hits, total]

def score(where, field, gold, ours, name):
    gold, ours = norm(gold), norm(ours)
    if not gold:
        return
    if field == "language":
        gold, ours = gold.split("-")[0].lower(), ours.split("-")[0].lower()
    if field == "date":
        gold = gold[:10]
    hit = gold == ours
    c = counts.setdefault((where, field), [0, 0])
    c[0] += hit
    c[1] += 1
    if verbose and not hit:
        print(f"miss {where} {field:8s} {name}: gold {gold!r} ours {ours!r}")

for line in sys.stdin:
    doc = json.loads(line)
    path = doc["id"]
    name = os.path.basename(path)[: -len(".txt")]
    ours = doc.get("metadata", {})
    if os.path.basename(os.path.dirname(path)) == "seeds":
        with open(path[: -len(".txt")] + ".meta.json", encoding="utf-8") as f:
            gold = json.load(f)
        for field, key in (("title", "title"), ("date", "date"), ("byline", "byline"),
                           ("site", "site_name")):
            score("seeds", field, gold.get(field), ours.get(key), name)
    else:
        meta = os.path.join(corpus, "readability", name + ".meta.json")
        if not os.path.exists(meta):
            continue
        with open(meta, encoding="utf-8") as f:
            gold = json.load(f)
        for field, key in (("title", "title"), ("byline", "byline"), ("language", "lang"),
                           ("date", "publishedTime")):
            score("text", field, gold.get(key), ours.get(field), name)

for (where, field), (hits, total) in sorted(counts.items(), key=lambda kv: kv[0][0] != "seeds"):
    print(f"{where:5s} {field:8s} exact match: {hits}/{total} = {hits / total:.3f}")
'
