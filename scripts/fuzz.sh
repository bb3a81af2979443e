#!/usr/bin/env bash
# Runs each libFuzzer target of a WEBCLEAN_FUZZ build (fuzz/) for a bounded
# time, from the seed corpora of fuzz/seeds.sh, and fails when any of them
# finds a crash, a leak, undefined behaviour, a timeout (10 s on one input)
# or an out-of-memory (2 GB). Targets run NPROC at a time.
#   scripts/fuzz.sh [BUILD_DIR]     (default build-asan, as scripts/test.sh builds it)
#   FUZZ_SECONDS=50   time per target          FUZZ_TARGETS="html text ..."  which ones
#   FUZZ_JOBS=nproc   targets run at once
# What a target finds goes to BUILD_DIR/fuzz-artifacts/TARGET/; the inputs
# it learnt stay in BUILD_DIR/fuzz-corpus/TARGET/ for the next run.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${1:-$here/build-asan}" && pwd)"
seconds="${FUZZ_SECONDS:-50}"
targets="${FUZZ_TARGETS:-html text rules decode warc jsonl http}"
jobs="${FUZZ_JOBS:-$(nproc)}"

"$here/fuzz/seeds.sh" "$build" "$build/fuzz-seeds" >/dev/null

# Longest input per target: 16 KiB keeps a page's structure and runs ~200
# inputs a second under ASan (64 KiB pages ran at ~30/s); a WARC input
# holds several records.
max_len() {
  case "$1" in
    warc) echo 65536 ;;
    *) echo 16384 ;;
  esac
}

run_target() {
  local target="$1"
  local corpus="$build/fuzz-corpus/$target" artifacts="$build/fuzz-artifacts/$target"
  local log="$build/fuzz-logs/$target.log"
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
  local dict=()
  [ -f "$here/fuzz/dict/$target.dict" ] && dict=("-dict=$here/fuzz/dict/$target.dict")
  local status=0
  "$build/fuzz/fuzz_$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
    -max_len="$(max_len "$target")" "${dict[@]}" -artifact_prefix="$artifacts/" \
    -print_final_stats=1 "$corpus" "$build/fuzz-seeds/$target" >"$log" 2>&1 || status=$?
  echo "$status" >"$log.status"
}

started=$(date +%s)
for target in $targets; do
  [ -x "$build/fuzz/fuzz_$target" ] || { echo "no $build/fuzz/fuzz_$target: build with -DWEBCLEAN_FUZZ=ON" >&2; exit 2; }
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
  run_target "$target" &
done
wait

failed=0
for target in $targets; do
  log="$build/fuzz-logs/$target.log"
  status="$(cat "$log.status")"
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")"
  cov="$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 || true)"
  if [ "$status" = 0 ]; then
    echo "fuzz_$target: ok, ${runs:-?} runs, $cov"
  else
    failed=1
    echo "fuzz_$target: FAILED (exit $status); the end of $log:"
    tail -n 60 "$log"
    echo "The input is in $build/fuzz-artifacts/$target/. Fix the bug, then keep the input as"
    echo "tests/fuzz/regressions/$target/NAME (tests/fuzz/replay_test.cc replays it)."
  fi
done
echo "fuzzing took $(($(date +%s) - started)) s (${seconds} s per target, $jobs at once)"
exit "$failed"
