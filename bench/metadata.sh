#!/usr/bin/env bash
# Metadata quality: the one command that measures what webclean reads
# about a document (title, byline, date, language, site) against the gold
# of the shared corpus, and prints one table with the floor of each figure.
#
#   bench/metadata.sh [--misses] [BINARY]     (default BINARY: build/webclean)
#
# Sets and figures (each is a whitespace-normalised exact match, counted
# over the documents whose gold has the field):
#   readability  NAME.meta.json (Readability.js's own output):
#                title, byline, language (primary subtag, any case), and
#                date (publishedTime, the YYYY-MM-DD part; reported)
#   trafilatura  evaldata.jsonl "meta" (annotated by hand for trafilatura's
#                benchmark): the gold title against our title (reported)
#                and our headline (floor 0.85), author against our author
#                (the names alone), date (the YYYY-MM-DD part, floor 0.80).
#                The two sets disagree on titles: Readability keeps a site
#                name og:title carries ("How to X | eHow"), the annotators
#                took the headline shown; no one field meets both floors,
#                so `title` follows the page's declaration and `headline`
#                what it shows. Likewise `byline` (as shown, "By ...") and
#                `author` (names).
#   text         the readability pages as text dumps, against the same
#                NAME.meta.json: title, byline, language, date (reported)
#   seeds        NAME.meta.json of the user's text dumps: title, date,
#                byline, site (every one must be right: floor 1.00)
# --misses lists every miss as "set field id | gold | ours" after the table.
# Exit status 1 when a figure is below its floor, 2 on a setup error.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$here/../shared}"
misses=0
if [ "${1:-}" = "--misses" ]; then misses=1; shift; fi
bin="${1:-$here/build/webclean}"
[ -x "$bin" ] || { echo "metadata.sh: $bin not built (run scripts/setup.sh)" >&2; exit 2; }
corpus="$shared/corpus"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

# The trafilatura pages whose gold has a title, author or date.
python3 - "$corpus/trafilatura" >"$out/trafilatura.list" <<'PY'
import json, os, sys
folder = sys.argv[1]
for line in open(os.path.join(folder, "evaldata.jsonl"), encoding="utf-8"):
    record = json.loads(line)
    meta = record.get("meta") or {}
    path = os.path.join(folder, record["id"] + ".html.gz")
    if any(meta.get(k) for k in ("title", "author", "date")) and os.path.exists(path):
        print(path)
PY
readability=("$corpus"/readability/*.html.gz)
texts() { for f in "$1"/*.txt; do case "$f" in *.gold.txt) ;; *) echo "$f";; esac; done; }
mapfile -t seeds < <(texts "$corpus/seeds")
mapfile -t text_dumps < <(texts "$corpus/text")
mapfile -t trafilatura <"$out/trafilatura.list"

"$bin" -q -j 2 -f jsonl "${readability[@]}" >"$out/readability.jsonl"
"$bin" -q -j 2 -f jsonl "${trafilatura[@]}" >"$out/trafilatura.jsonl"
"$bin" -q -j 2 -f jsonl "${text_dumps[@]}" >"$out/text.jsonl"
"$bin" -q -j 2 -f jsonl "${seeds[@]}" >"$out/seeds.jsonl"

python3 - "$corpus" "$out" "$misses" <<'PY'
import json, os, re, sys

corpus, out, show_misses = sys.argv[1], sys.argv[2], sys.argv[3] == "1"

def norm(text):
    return " ".join((text or "").split()) if isinstance(text, str) else ""

def language(tag):
    return re.split(r"[-_]", norm(tag).lower())[0]

def day(text):
    m = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", text or "")
    return f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}" if m else ""

def results(name):
    with open(os.path.join(out, name + ".jsonl"), encoding="utf-8") as f:
        return [json.loads(line) for line in f]

rows = []    # (set, field, hits, total, floor or None)
missed = []  # (set, field, id, gold, ours)

def score(set_name, field, pairs, same, floor):
    hits = total = 0
    for doc_id, gold, ours in pairs:
        if not norm(gold):
            continue
        total += 1
        if same(gold, ours):
            hits += 1
        else:
            missed.append((set_name, field, doc_id, norm(gold), norm(ours)))
    rows.append((set_name, field, hits, total, floor))

exact = lambda gold, ours: norm(gold) == norm(ours)

# readability: NAME.meta.json next to NAME.html.gz
docs = []
for doc in results("readability"):
    with open(doc["id"][: -len(".html.gz")] + ".meta.json", encoding="utf-8") as f:
        docs.append((os.path.basename(doc["id"]), json.load(f), doc.get("metadata", {})))
score("readability", "title", [(i, g.get("title"), m.get("title")) for i, g, m in docs], exact, 0.90)
score("readability", "byline", [(i, g.get("byline"), m.get("byline")) for i, g, m in docs], exact, 0.75)
score("readability", "language", [(i, g.get("lang"), m.get("language")) for i, g, m in docs],
      lambda g, o: language(g) == language(o), 0.95)
score("readability", "date", [(i, g.get("publishedTime"), m.get("date")) for i, g, m in docs],
      lambda g, o: day(g) == day(o), None)

# trafilatura: evaldata.jsonl "meta", by id
gold = {}
with open(os.path.join(corpus, "trafilatura", "evaldata.jsonl"), encoding="utf-8") as f:
    for line in f:
        record = json.loads(line)
        gold[record["id"]] = record.get("meta") or {}
docs = []
for doc in results("trafilatura"):
    doc_id = os.path.basename(doc["id"])[: -len(".html.gz")]
    docs.append((doc_id, gold[doc_id], doc.get("metadata", {})))
score("trafilatura", "title", [(i, g.get("title"), m.get("title")) for i, g, m in docs], exact, None)
score("trafilatura", "headline", [(i, g.get("title"), m.get("headline")) for i, g, m in docs], exact, 0.85)
score("trafilatura", "author", [(i, g.get("author"), m.get("author")) for i, g, m in docs], exact, None)
score("trafilatura", "date", [(i, g.get("date"), m.get("date")) for i, g, m in docs],
      lambda g, o: day(g) == day(o), 0.80)

# text: the readability pages as text dumps, against the same gold
docs = []
for doc in results("text"):
    name = os.path.basename(doc["id"])[: -len(".txt")]
    meta_path = os.path.join(corpus, "readability", name + ".meta.json")
    if os.path.exists(meta_path):
        with open(meta_path, encoding="utf-8") as f:
            docs.append((name, json.load(f), doc.get("metadata", {})))
score("text", "title", [(i, g.get("title"), m.get("title")) for i, g, m in docs], exact, None)
score("text", "byline", [(i, g.get("byline"), m.get("byline")) for i, g, m in docs], exact, None)
score("text", "language", [(i, g.get("lang"), m.get("language")) for i, g, m in docs],
      lambda g, o: language(g) == language(o), None)
score("text", "date", [(i, g.get("publishedTime"), m.get("date")) for i, g, m in docs],
      lambda g, o: day(g) == day(o), None)

# seeds: NAME.meta.json next to NAME.txt; every field must be right
docs = []
for doc in results("seeds"):
    with open(doc["id"][: -len(".txt")] + ".meta.json", encoding="utf-8") as f:
        docs.append((os.path.basename(doc["id"]), json.load(f), doc.get("metadata", {})))
for field, ours in (("title", "title"), ("date", "date"), ("byline", "byline"), ("site", "site_name")):
    same = (lambda g, o: day(g) == day(o)) if field == "date" else exact
    score("seeds", field, [(i, g.get(field), m.get(ours)) for i, g, m in docs], same, 1.0)

failed = False
print(f"{'set':12s} {'field':9s} {'hits':>9s} {'score':>6s}  floor")
for set_name, field, hits, total, floor in rows:
    rate = hits / total if total else 0.0
    if floor is None:
        mark = "-"
    else:
        below = rate < floor
        failed |= below
        mark = f"{floor:.2f}" + ("  BELOW FLOOR" if below else "")
    print(f"{set_name:12s} {field:9s} {hits:4d}/{total:<4d} {rate:6.3f}  {mark}")
if show_misses:
    print()
    for set_name, field, doc_id, g, o in missed:
        print(f"{set_name} {field} {doc_id} | {g} | {o}")
sys.exit(1 if failed else 0)
PY
