#!/usr/bin/env bash
# Builds the fuzzers' seed corpora, one folder per target, from corpus/
# (pages and text dumps), rules/ (whole files and each section alone) and
# fuzz_seed_writer (small WARC, JSONL and HTTP samples).
#   fuzz/seeds.sh [BUILD_DIR] [OUT_DIR]   (defaults: build-asan, BUILD_DIR/fuzz-seeds)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$here/build-asan}"
out="${2:-$build/fuzz-seeds}"
rm -rf "$out"
mkdir -p "$out"/{html,text,rules,decode}

# Seed files are named by a running number (corpus names hold spaces):
# `next DIR` sets $seed to the next free name in DIR.
n=0
next() {
  n=$((n + 1))
  seed="$(printf '%s/%04d' "$1" "$n")"
}

# html: every corpus page.
for page in "$here"/corpus/*/*.html.gz; do
  next "$out/html"
  gunzip -c "$page" >"$seed"
done
# text: every text dump (not the gold outputs).
for dump in "$here"/corpus/text/*.txt "$here"/corpus/seeds/*.txt; do
  case "$dump" in *.gold.txt) continue ;; esac
  next "$out/text"
  cp "$dump" "$seed"
done
# rules: each shipped file, and each of its sections on its own (small
# inputs the fuzzer can mutate quickly).
for rules in "$here"/rules/*.rules; do
  next "$out/rules"
  cp "$rules" "$seed"
  awk -v prefix="$out/rules/$(basename "$rules" .rules)." '
    /^\[.*\]$/ { file = prefix (++section) }
    file != "" && !/^#/ && !/^$/ { print > file }' "$rules"
done
# decode: the entry point reads its first byte as the charset to declare
# (fuzz/entry_points.cc); then the start of some pages and dumps, and a text
# re-encoded in the charsets decoding meets.
selector=0
for doc in "$out"/html/00[0-2]? "$out"/text/*; do
  next "$out/decode"
  { printf "\\x$(printf %02x $((selector % 256)))"; head -c 8192 "$doc"; } >"$seed"
  selector=$((selector + 37))
done
sample="$(head -c 4096 "$here/corpus/text/aktualne.txt")"
for charset in windows-1250 iso-8859-2 utf-16 utf-16le utf-16be shift_jis koi8-r; do
  next "$out/decode"
  { printf '\x00'; printf '%s' "$sample" | iconv -c -t "$charset"; } >"$seed"
done
next "$out/decode"
printf '\x80<meta charset="windows-1252"><p>caf\xe9</p>' >"$seed"
next "$out/decode"
printf '\x80\xef\xbb\xbf<p>BOM</p>' >"$seed"

"$build/fuzz/fuzz_seed_writer" "$out"
head -n 20 "$here/corpus/trafilatura/evaldata.jsonl" >"$out/jsonl/evaldata.jsonl"
for target in "$out"/*; do
  echo "$(basename "$target"): $(find "$target" -type f | wc -l) seeds"
done
