#!/usr/bin/env bash
# webclean against Mozilla Readability.js on the same pages: pages/s, MB/s
# and peak RSS, each configuration in its own process (see bench/README.md).
#   bench/run.sh [PAGES_DIR] [--jobs N] [--against REV]
#   (default PAGES_DIR ../shared/corpus/trafilatura, N = nproc; runs per
#    configuration: WEBCLEAN_RUNS=3, READABILITY_RUNS=2)
#   --against REV also builds the git revision REV and runs its
#   webclean_bench -j1 in turn with this one: the cost of a change, as a
#   ratio measured in the same invocation.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
pages="$root/../shared/corpus/trafilatura"
jobs="$(nproc)"
webclean_runs="${WEBCLEAN_RUNS:-3}"
readability_runs="${READABILITY_RUNS:-2}"

against=""
usage() { echo "usage: bench/run.sh [PAGES_DIR] [--jobs N] [--against REV]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    -j|--jobs) [ $# -ge 2 ] || usage; jobs="$2"; shift 2 ;;
    --jobs=*) jobs="${1#--jobs=}"; shift ;;
    --against) [ $# -ge 2 ] || usage; against="$2"; shift 2 ;;
    -h|--help) usage ;;
    -*) usage ;;
    *) pages="$1"; shift ;;
  esac
done
[[ "$jobs" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --jobs needs a positive number" >&2; exit 2; }
[ -d "$pages" ] || { echo "run.sh: no pages folder $pages" >&2; exit 2; }
pages="$(cd "$pages" && pwd)"
for tool in cmake node npm; do
  command -v "$tool" >/dev/null ||
    { echo "run.sh: $tool not found (Debian: apt-get install cmake nodejs npm)" >&2; exit 2; }
done

echo "== building webclean_bench (Release, build-bench/)" >&2
build="$root/build-bench"
[ -f "$build/CMakeCache.txt" ] ||
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DWEBCLEAN_TESTS=OFF \
    -DWEBCLEAN_BENCH=ON >/dev/null
cmake --build "$build" -j "$(nproc)" --target webclean_bench webclean_cli >/dev/null

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if [ -n "$against" ]; then
  rev="$(git -C "$root" rev-parse --short "$against^{commit}")" ||
    { echo "run.sh: --against $against is not a git revision of $root" >&2; exit 2; }
  # The revision's sources, exported (no worktree is registered), built
  # the same way into build-bench-REV/ (kept, so a rerun does not rebuild).
  against_build="$root/build-bench-$rev"
  if [ ! -x "$against_build/bin/webclean_bench" ]; then
    echo "== building webclean_bench at $rev (Release, build-bench-$rev/)" >&2
    mkdir -p "$against_build/src"
    git -C "$root" archive "$rev" | tar -x -C "$against_build/src"
    cmake -S "$against_build/src" -B "$against_build/build" -DCMAKE_BUILD_TYPE=Release \
      -DWEBCLEAN_TESTS=OFF -DWEBCLEAN_BENCH=ON >/dev/null
    cmake --build "$against_build/build" -j "$(nproc)" --target webclean_bench >/dev/null
    mkdir -p "$against_build/bin"
    cp "$against_build/build/webclean_bench" "$against_build/bin/"
  fi
  if [ ! -x "$against_build/bin/webclean" ]; then
    cmake --build "$against_build/build" -j "$(nproc)" --target webclean_cli >/dev/null
    cp "$against_build/build/webclean" "$against_build/bin/"
  fi
fi
echo "== installing @mozilla/readability and linkedom into $tmp" >&2
(cd "$tmp" && npm install --no-save --no-audit --no-fund --prefix "$tmp" \
  @mozilla/readability linkedom >"$tmp/npm.log" 2>&1) ||
  { cat "$tmp/npm.log" >&2; echo "run.sh: npm install failed" >&2; exit 1; }
versions="$(cd "$tmp" && node -p "['@mozilla/readability','linkedom'].map(p =>
  p + ' ' + require('./node_modules/' + p + '/package.json').version).join(', ')")"

cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
awk -v n="$(nproc)" '$1 > n / 4 { exit 1 }' /proc/loadavg ||
  echo "run.sh: warning: load average ${load_before%% *} on $(nproc) cores, figures will be low" >&2
results="$tmp/results"
: >"$results"
# measure RUNS LABEL COMMAND... : runs the command RUNS times, appending its line
measure() {
  local runs=$1 label=$2; shift 2
  for ((i = 1; i <= runs; i++)); do
    echo "== $label, run $i/$runs" >&2
    "$@" | tee -a "$results" >&2
  done
}
if [ -n "$against" ]; then
  # Alternated with this build, so load that comes and goes hits both.
  # Cold (the first pass over the pages, with the regex automata still
  # being built) and warm (a second pass: the cost per page of a long run).
  for ((r = 1; r <= webclean_runs; r++)); do
    measure 1 "webclean -j1" "$build/webclean_bench" --jobs 1 --stages "$tmp/stages" "$pages"
    measure 1 "webclean@$rev -j1" sh -c '"$1" --jobs 1 "$2" | sed "s/^engine=webclean /engine=webclean@$3 /"' \
      sh "$against_build/bin/webclean_bench" "$pages" "$rev"
    measure 1 "webclean -j1, warm" "$build/webclean_bench" --jobs 1 --warm "$pages"
    measure 1 "webclean@$rev -j1, warm" sh -c '"$1" --jobs 1 --warm "$2" | sed "s/^engine=webclean-warm /engine=webclean-warm@$3 /"' \
      sh "$against_build/bin/webclean_bench" "$pages" "$rev"
  done
else
  measure "$webclean_runs" "webclean -j1" "$build/webclean_bench" --jobs 1 --stages "$tmp/stages" "$pages"
fi
[ "$jobs" -eq 1 ] ||
  measure "$webclean_runs" "webclean -j$jobs" "$build/webclean_bench" --jobs "$jobs" "$pages"
[ -n "$against" ] ||
  measure "$webclean_runs" "webclean -j1, warm" "$build/webclean_bench" --jobs 1 --warm "$pages"
[ "$jobs" -eq 1 ] ||
  measure "$webclean_runs" "webclean -j$jobs, warm" "$build/webclean_bench" --jobs "$jobs" --warm "$pages"
# The command line end to end: files read, gunzipped, cleaned and written
# as JSON Lines, streaming (pages are not held in memory); peak RSS of the process.
cli_run() {
  PYTHONPATH="$root/bench" python3 - "$@" <<'PY'
import os, resource, subprocess, sys, time
from pages import page_files, uncompressed_size
jobs, cli, pages = sys.argv[1:4]
files = page_files(pages)
size = sum(uncompressed_size(f) for f in files)
start = time.time()
# JSON Lines to a pipe: the pipeline itself, without one file created per
# page (creating a file costs ~1 ms on some disks, more than cleaning it).
with open(os.devnull, "wb") as sink:
    subprocess.run([cli, "-q", "-j", jobs, "-f", "jsonl"] + files, stdout=sink, check=False)
seconds = time.time() - start
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"engine=webclean-cli threads={jobs} pages={len(files)} bytes={size} seconds={seconds:.6f} "
      f"failures=0 output_bytes=0 baseline_rss_kb=0 ready_rss_kb=0 peak_rss_kb={rss}")
PY
}
# The command line writing one output file per page (-o DIR), as a bulk
# run over saved pages does: files read, gunzipped, cleaned and each
# written to its own file (temporary file, then rename). A new folder each
# run, removed after the clock stops.
cli_dir_run() {
  PYTHONPATH="$root/bench" python3 - "$@" <<'PY'
import os, resource, shutil, subprocess, sys, time
from pages import page_files, uncompressed_size
label, cli, pages, out = sys.argv[1:5]
files = page_files(pages)
size = sum(uncompressed_size(f) for f in files)
shutil.rmtree(out, ignore_errors=True)
start = time.time()
subprocess.run([cli, "-q", "-j", "1", "-o", out, pages], stdout=subprocess.DEVNULL, check=False)
seconds = time.time() - start
written = sum(len(names) for _, _, names in os.walk(out))
shutil.rmtree(out, ignore_errors=True)
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"engine={label} threads=1 pages={len(files)} bytes={size} seconds={seconds:.6f} "
      f"failures={len(files) - written} output_bytes=0 baseline_rss_kb=0 ready_rss_kb=0 peak_rss_kb={rss}")
PY
}
for ((r = 1; r <= webclean_runs; r++)); do
  measure 1 "webclean CLI -j1 -o DIR" cli_dir_run webclean-cli-dir "$build/webclean" "$pages" "$tmp/cli-dir"
  [ -z "$against" ] ||
    measure 1 "webclean@$rev CLI -j1 -o DIR" cli_dir_run "webclean-cli-dir@$rev" \
      "$against_build/bin/webclean" "$pages" "$tmp/cli-dir"
done
measure "$webclean_runs" "webclean CLI -j1" cli_run 1 "$build/webclean" "$pages"
[ "$jobs" -eq 1 ] ||
  measure "$webclean_runs" "webclean CLI -j$jobs" cli_run "$jobs" "$build/webclean" "$pages"
# One process per document, as a caller that runs webclean per page pays:
# CPU time (user + system, from the kernel's accounting of the child) of
# `webclean PAGE`, for the pages of 5-20 kB (at most 20 of them, by name),
# each run 5 times, the median taken per page.
one_document() {
  PYTHONPATH="$root/bench" python3 - "$@" <<'PY'
import resource, statistics, subprocess, sys
from pages import page_files, uncompressed_size
label, cli, pages = sys.argv[1:4]
chosen = []
for f in page_files(pages):
    if 5000 <= uncompressed_size(f) <= 20000:
        chosen.append(f)
    if len(chosen) == 20:
        break
def cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime
medians = []
for f in chosen:
    runs = []
    for _ in range(5):
        before = cpu()
        subprocess.run([cli, f], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        runs.append(cpu() - before)
    medians.append(statistics.median(runs))
print(f"one-document {label} pages={len(chosen)} median_ms={1000 * statistics.median(medians):.1f} "
      f"max_ms={1000 * max(medians):.1f}")
PY
}
echo "== one process per document" >&2
one_document "webclean" "$build/webclean" "$pages" | tee -a "$tmp/one-document" >&2
[ -z "$against" ] ||
  one_document "webclean@$rev" "$against_build/bin/webclean" "$pages" | tee -a "$tmp/one-document" >&2
measure "$readability_runs" "readability.js" \
  node --expose-gc "$root/bench/readability_bench.mjs" --modules "$tmp/node_modules" "$pages"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "machine: $(nproc) cores, $cpu; load average $load_before before, $load_after after;" \
  "node $(node --version), $versions"
echo "pages: $pages"
awk -v jobs="$jobs" -v rev="$against" -v short="${rev:-}" '
  { delete f; for (i = 1; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
    k = f["engine"] " " f["threads"]
    if (!(k in secs) || f["seconds"] + 0 < secs[k]) secs[k] = f["seconds"] + 0
    if (f["peak_rss_kb"] + 0 > peak[k]) peak[k] = f["peak_rss_kb"] + 0
    if (f["baseline_rss_kb"] + 0 > base[k]) base[k] = f["baseline_rss_kb"] + 0
    ready_kb = ("ready_rss_kb" in f) ? f["ready_rss_kb"] : f["baseline_rss_kb"]
    if (ready_kb + 0 > ready[k]) ready[k] = ready_kb + 0
    n[k] = f["pages"] + 0; bytes[k] = f["bytes"] + 0; runs[k]++
    fail[k] = f["failures"] + 0; empty[k] = f["empty"] + 0 }
  function mb(kb) { return kb * 1024 / 1e6 }
  function row(k, name) {
    if (!(k in secs)) return
    split(k, et, " "); pps[k] = n[k] / secs[k]
    printf "| %-14s | %7s | %5d | %7.1f | %5.1f | %8.0f | %5.0f | %5.0f | %8.0f | %4d |\n", name, et[2],
      n[k], pps[k], bytes[k] / 1e6 / secs[k], mb(peak[k]), mb(base[k]), mb(ready[k] - base[k]),
      mb(peak[k] - ready[k]), runs[k]
  }
  END {
    print ""
    print "| engine         | threads | pages | pages/s |  MB/s | peak RSS | pages | setup | cleaning | runs |"
    print "|----------------|--------:|------:|--------:|------:|---------:|------:|------:|---------:|-----:|"
    row("webclean 1", "webclean"); if (jobs > 1) row("webclean " jobs, "webclean")
    if (rev != "") row("webclean@" short " 1", "at " short)
    row("webclean-warm 1", "webclean, warm"); if (jobs > 1) row("webclean-warm " jobs, "webclean, warm")
    if (rev != "") row("webclean-warm@" short " 1", "at " short ", warm")
    row("webclean-cli 1", "webclean CLI"); if (jobs > 1) row("webclean-cli " jobs, "webclean CLI")
    row("webclean-cli-dir 1", "CLI -o DIR")
    if (rev != "") row("webclean-cli-dir@" short " 1", "CLI -o DIR at " short)
    row("readability 1", "Readability.js")
    print ""
    w1 = "webclean 1"; wn = "webclean " jobs; r1 = "readability 1"
    h1 = "webclean-warm 1"; hn = "webclean-warm " jobs; c1 = "webclean-cli 1"; cn = "webclean-cli " jobs
    if (rev != "") { a = "webclean@" short " 1"; aw = "webclean-warm@" short " 1"; printf "webclean -j1 / webclean at %s (%s) -j1: %.3fx pages/s (%+.1f%%) cold, %.3fx (%+.1f%%) warm\n", rev, short, pps[w1] / pps[a], 100 * (pps[w1] / pps[a] - 1), pps[h1] / pps[aw], 100 * (pps[h1] / pps[aw] - 1) }
    printf "webclean -j1 / Readability.js (one core each): %.1fx cold, %.1fx warm   (target >= 8x)\n", pps[w1] / pps[r1], pps[h1] / pps[r1]
    if (jobs > 1) printf "webclean -j%d / webclean -j1: %.2fx cold, %.2fx warm, %.2fx CLI   (target >= 1.8x at -j2 on 2 cores)\n", jobs, pps[wn] / pps[w1], pps[hn] / pps[h1], pps[cn] / pps[c1]
    d1 = "webclean-cli-dir 1"; printf "webclean CLI -j1 -o DIR / library -j1: %.2fx cold, %.2fx warm   (target >= 0.85x)\n", pps[d1] / pps[w1], pps[d1] / pps[h1]
    if (rev != "") { ad = "webclean-cli-dir@" short " 1"; printf "webclean CLI -j1 -o DIR / the same at %s: %.3fx pages/s (start-up, reading, gunzip, cleaning and writing: what a bulk run pays)\n", short, pps[d1] / pps[ad] }
    printf "webclean -j1: %.0f pages/s cold, %.0f warm, %.0f CLI end to end   (target >= 500 on the 990 trafilatura pages)\n", pps[w1], pps[h1], pps[c1]
    printf "webclean -j%d peak RSS: CLI %.0f MB; in-memory bench %.0f MB, of which %.0f MB is the pages held in memory   (target <= 150 MB at -j2)\n", jobs, mb(peak[cn]), mb(peak[wn]), mb(base[wn])
    printf "Readability.js: %d page(s) threw (counted as processed), %d returned no article\n", fail[r1], empty[r1]
    if (fail[w1] + fail[wn]) printf "webclean: %d page(s) came back with an error\n", fail[w1] + 0
  }' "$results"
awk '{ delete f; for (i = 3; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
       printf "one process per document (%s): %s ms of CPU, median over %s pages of 5-20 kB (slowest %s ms)   (target <= 30 ms)\n", $2, f["median_ms"], f["pages"], f["max_ms"] }' \
  "$tmp/one-document"
echo
echo "where the time goes (webclean -j1, cold, last run; the library's stage clocks):"
awk -F'\t' '{ name[NR] = $1; secs[NR] = $2; total += $2 }
  END { print "| stage     | seconds | share |"; print "|-----------|--------:|------:|"
        for (i = 1; i <= NR; i++) printf "| %-9s | %7.3f | %4.1f%% |\n", name[i], secs[i], 100 * secs[i] / total
        printf "| all       | %7.3f |       |\n", total }' "$tmp/stages"
echo "(pages/s, MB/s: best of the runs. RSS in MB (10^6 bytes), largest of the runs: peak RSS =" \
  "pages (RSS right after loading them) + setup (the Cleaner and its Workspaces) + cleaning)"
