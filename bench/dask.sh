#!/usr/bin/env bash
# The Dask recipe (contrib/dask/webclean_dask.py) against the command line
# on the same collection, in turn, in one invocation: wall seconds, pages/s,
# MB/s and the largest process's peak RSS, with and without the repetition
# filter, best of RUNS.
#   bench/dask.sh [PAGES_DIR] [--workers N] [--copies K]
#   (default PAGES_DIR ../shared/corpus/trafilatura; N = nproc; K = 3:
#    the pages as 8 gzipped JSON Lines files, K copies of them; RUNS=2)
# Uses build/ (configured with -DWEBCLEAN_PYTHON=ON, as scripts/test.sh
# leaves it) and /usr/bin/python3 with Dask (python3-distributed).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
pages="$root/../shared/corpus/trafilatura"
workers="$(nproc)"
copies=3
runs="${RUNS:-2}"
usage() { echo "usage: bench/dask.sh [PAGES_DIR] [--workers N] [--copies K]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --workers) [ $# -ge 2 ] || usage; workers="$2"; shift 2 ;;
    --copies) [ $# -ge 2 ] || usage; copies="$2"; shift 2 ;;
    -*) usage ;;
    *) pages="$1"; shift ;;
  esac
done
python=/usr/bin/python3
"$python" -c 'import distributed' 2>/dev/null ||
  { echo "dask.sh: $python has no Dask (apt-get install python3-distributed)" >&2; exit 2; }
cmake -S "$root" -B "$root/build" -DWEBCLEAN_PYTHON=ON -DPython_EXECUTABLE="$python" >/dev/null
cmake --build "$root/build" -j "$(nproc)" --target webclean_cli webclean_python >/dev/null

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/in"
# The collection: every page as a record {"id", "url", "html"}, 50 sites.
bytes=$(PYTHONPATH="$root/bench" "$python" - "$pages" "$work/in" "$copies" <<'EOF'
import gzip, json, os, sys
import pages
folder, out, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
files = [gzip.open(os.path.join(out, "part%d.jsonl.gz" % k), "wt", encoding="utf-8") for k in range(8)]
total = 0
for n, path in enumerate(pages.page_files(folder)):
    with open(path, "rb") as page:
        data = page.read()
    if path.endswith(".gz"):
        data = gzip.decompress(data)
    total += len(data)
    record = {"id": os.path.basename(path), "url": "https://site%d.example/%d" % (n % 50, n),
              "html": data.decode("utf-8", "replace")}
    files[n % 8].write(json.dumps(record) + "\n")
for f in files:
    f.close()
for copy in range(1, copies):
    for k in range(8):
        name = os.path.join(out, "part%d.jsonl.gz" % k)
        with open(name, "rb") as src, open(os.path.join(out, "copy%d-part%d.jsonl.gz" % (copy, k)), "wb") as dst:
            dst.write(src.read())
print(total * copies)
EOF
)
records=$(zcat "$work"/in/*.gz | wc -l)
echo "== $records pages, $((bytes / 1000000)) MB of HTML in $((8 * copies)) files; $workers workers; best of $runs"

# Runs "$@" RUNS times; prints the best wall seconds and its peak RSS (kB).
best() {
  local best_s="" best_kb=""
  for _ in $(seq "$runs"); do
    rm -rf "$work/out"
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" ||
      { cat "$work/err" >&2; exit 1; }
    read -r s kb <"$work/time"
    if [ -z "$best_s" ] || awk "BEGIN{exit !($s < $best_s)}"; then best_s=$s; best_kb=$kb; fi
  done
  echo "$best_s $best_kb"
}
report() {
  awk -v name="$1" -v s="$2" -v kb="$3" -v n="$records" -v b="$bytes" \
    'BEGIN{printf "%-34s %6.2f s %7.0f pages/s %6.1f MB/s  peak %4.0f MB\n", name, s, n/s, b/1e6/s, kb/1024}'
}
for repeats in "" --no-repeats; do
  read -r cli_s cli_kb < <(best "$root/build/webclean" -q $repeats -j "$workers" -o "$work/out/" "$work/in")
  read -r dask_s dask_kb < <(best env PYTHONPATH="$root/build/python" "$python" \
    "$root/contrib/dask/webclean_dask.py" -q $repeats --workers "$workers" -o "$work/out/" "$work/in")
  label="${repeats:-(repetition filter on)}"
  report "webclean -j$workers $label" "$cli_s" "$cli_kb"
  report "dask $workers workers $label" "$dask_s" "$dask_kb"
  awk -v c="$cli_s" -v d="$dask_s" 'BEGIN{printf "dask / command line: %.2fx\n", c/d}'
done
