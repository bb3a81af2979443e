#!/usr/bin/env bash
# The fault run: the built webclean against what goes wrong in bulk runs.
#   urls     a server on 127.0.0.1 misbehaving a dozen ways (tests/fetch/server.py,
#            /fault/...) among good pages; and trickling URLs that must not stall
#            the others
#   streams  WARC records whose Content-Length lies, plain and gzipped; JSON Lines
#            with blank and bad lines
#   disk     a full filesystem and a read-only output (small tmpfs mounts: needs
#            root; else stdout to /dev/full only)
#   signals  SIGKILL and SIGINT in the middle of a -j2 run, then a rerun
# Prints one row per check and exits 1 if any fails.
#   scripts/faults.sh [SECTION ...]     (default: all; WEBCLEAN=path picks the binary)
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bin="${WEBCLEAN:-$here/build/webclean}"
faults="$here/tests/faults/faults.py"
sections=("$@")
[ ${#sections[@]} -gt 0 ] || sections=(urls streams disk signals)
[ -x "$bin" ] || { echo "faults.sh: no $bin (run scripts/setup.sh)" >&2; exit 2; }

work="$(mktemp -d /tmp/webclean-faults.XXXXXX)"
server_pids=()
mounts=()
cleanup() {
  for pid in "${server_pids[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  for m in "${mounts[@]}"; do umount -l "$m" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

failed=0
row() {  # section, check, figure, ok (1) or not (0)
  python3 "$faults" row "$1" "$2" "$3" "$4" || failed=1
}
seconds_since() { python3 -c "import time,sys; print('%.1f' % (time.time() - float(sys.argv[1])))" "$1"; }
now() { python3 -c 'import time; print(time.time())'; }

# Starts tests/fetch/server.py; sets $port.
start_server() {
  python3 "$here/tests/fetch/server.py" >"$work/server.port" &
  server_pids+=($!)
  port=""
  for _ in $(seq 100); do
    port="$(awk '/^PORT/ {print $2}' "$work/server.port")"
    [ -n "$port" ] && return 0
    sleep 0.1
  done
  echo "faults.sh: the test server did not start" >&2
  exit 2
}

stop_servers() {
  for pid in "${server_pids[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  server_pids=()
}

# A tree of documents: the corpus pages, `copies` times over.
make_documents() {  # dir, copies
  local dir="$1" copies="$2"
  for c in $(seq "$copies"); do
    mkdir -p "$dir/copy$c"
    cp "$here"/corpus/readability/*.html.gz "$here"/corpus/trafilatura/*.html.gz "$dir/copy$c/"
  done
}

leftover_temporaries() { find "$1" -name '.*.tmp.*' 2>/dev/null | wc -l; }

printf '%-8s %-56s %-24s %s\n' section check figure result

section_urls() {
  local dir="$work/urls"
  mkdir -p "$dir"
  start_server
  # 500 URLs: 15 of each of the 13 faults, the rest good pages, shuffled.
  python3 "$faults" urls-list "$port" "$dir/list.tsv" 500 15
  cut -f1 "$dir/list.tsv" >"$dir/urls.txt"
  local start status
  start="$(now)"
  timeout 240 "$bin" --fetch-jobs 16 --per-host 16 --timeout 3 --retries 1 --max-bytes 1M \
    -j 2 -f jsonl --errors "$dir/errors.jsonl" --urls "$dir/urls.txt" \
    >"$dir/out.jsonl" 2>"$dir/err.txt"
  status=$?
  row urls "500 URLs, 13 faults x 15, fetched" "$(seconds_since "$start") s" \
    "$([ "$status" -ne 124 ] && echo 1 || echo 0)"
  python3 "$faults" urls-check "$dir/list.tsv" "$dir/out.jsonl" "$dir/errors.jsonl" "$status" ||
    failed=1
  stop_servers

  # 500 URLs, 25 of them trickling until --timeout. The fetcher keeps its
  # slots busy with the good URLs meanwhile; with more slots than slow URLs,
  # every good URL is requested before the first slow one has timed out
  # once (5 s: on a loaded machine the good ones took up to 2.7 s).
  start_server
  python3 "$faults" nostall-list "$port" "$dir/nostall.tsv" 500 20
  cut -f1 "$dir/nostall.tsv" >"$dir/nostall.txt"
  start="$(now)"
  timeout 240 "$bin" --fetch-jobs 32 --per-host 32 --timeout 5 --retries 1 -j 2 -f jsonl \
    --errors "$dir/nostall-errors.jsonl" --urls "$dir/nostall.txt" \
    >"$dir/nostall.jsonl" 2>"$dir/nostall-err.txt"
  local elapsed
  elapsed="$(seconds_since "$start")"
  python3 -c 'import sys, urllib.request; sys.stdout.write(urllib.request.urlopen(sys.argv[1]).read().decode())' \
    "http://127.0.0.1:$port/log" >"$dir/nostall.log"
  python3 "$faults" nostall-check "$dir/nostall.tsv" "$dir/nostall.log" "$dir/nostall.jsonl" \
    "$dir/nostall-errors.jsonl" "$elapsed" 32 5 2 || failed=1
  stop_servers

  # The case of the issue, --timeout 3, with 16 slots, fewer than the slow
  # URLs: a figure only.
  start_server
  python3 "$faults" nostall-list "$port" "$dir/nostall16.tsv" 500 20
  cut -f1 "$dir/nostall16.tsv" >"$dir/nostall16.txt"
  start="$(now)"
  timeout 240 "$bin" --fetch-jobs 16 --per-host 16 --timeout 3 --retries 1 -j 2 -f jsonl \
    --urls "$dir/nostall16.txt" >/dev/null 2>&1
  echo "  the same with --fetch-jobs 16 --timeout 3: $(seconds_since "$start") s (the slow URLs' tries alone: 4 rounds of 3 s)"
  stop_servers
}

section_streams() {
  local dir="$work/streams"
  mkdir -p "$dir"
  python3 "$faults" streams-write "$dir"
  local name status
  for name in lengths.warc lengths.warc.gz lines.jsonl; do
    timeout 60 "$bin" -j 2 -f jsonl --errors "$dir/$name.errors" "$dir/$name" \
      >"$dir/$name.out" 2>"$dir/$name.err"
    status=$?
    python3 "$faults" streams-check "$dir" "$name" "$dir/$name.out" "$dir/$name.errors" \
      "$status" || failed=1
  done
}

section_disk() {
  local dir="$work/disk" status
  mkdir -p "$dir"
  make_documents "$dir/docs" 1
  local count
  count="$(find "$dir/docs" -type f | wc -l)"
  timeout 120 "$bin" -j 2 -o "$dir/reference" "$dir/docs" 2>/dev/null
  status=$?
  row disk "reference run on a roomy disk" "$count documents, exit $status" \
    "$([ "$status" -eq 0 ] && echo 1 || echo 0)"

  # Standard output that cannot be written.
  timeout 60 "$bin" "$dir/docs" >/dev/full 2>"$dir/full-stdout.err"
  status=$?
  row disk "stdout to /dev/full: an error, not silence" "exit $status" \
    "$([ "$status" -ne 0 ] && [ -s "$dir/full-stdout.err" ] && echo 1 || echo 0)"

  mkdir -p "$dir/full"
  if ! mount -t tmpfs -o size=256k tmpfs "$dir/full" 2>/dev/null; then
    echo "  (no tmpfs mount here: the full and read-only disk checks are skipped)"
    return
  fi
  mounts+=("$dir/full")
  timeout 120 "$bin" -j 2 -o "$dir/full/out" "$dir/docs" 2>"$dir/full.err"
  status=$?
  local written partial=0 f
  written="$(find "$dir/full/out" -type f -not -name '.*' 2>/dev/null | wc -l)"
  while IFS= read -r f; do
    cmp -s "$f" "$dir/reference/${f#"$dir/full/out/"}" || partial=$((partial + 1))
  done < <(find "$dir/full/out" -type f -not -name '.*' 2>/dev/null)
  row disk "full disk (256K): the run fails" "exit $status, $written/$count written" \
    "$([ "$status" -eq 1 ] && echo 1 || echo 0)"
  row disk "full disk: no partial or temporary file" \
    "$partial partial, $(leftover_temporaries "$dir/full") temporary" \
    "$([ "$partial" -eq 0 ] && [ "$(leftover_temporaries "$dir/full")" -eq 0 ] && echo 1 || echo 0)"
  mount -o remount,size=64m "$dir/full"
  timeout 120 "$bin" -j 2 -o "$dir/full/out" "$dir/docs" 2>/dev/null
  status=$?
  row disk "room made: the rerun completes, as the reference" "exit $status" \
    "$([ "$status" -eq 0 ] && diff -r "$dir/reference" "$dir/full/out" >/dev/null && echo 1 || echo 0)"

  mkdir -p "$dir/readonly"
  mount -t tmpfs -o size=64m tmpfs "$dir/readonly" && mounts+=("$dir/readonly")
  mkdir -p "$dir/readonly/out"
  mount -o remount,ro "$dir/readonly"
  timeout 120 "$bin" -j 2 -o "$dir/readonly/out" "$dir/docs" 2>"$dir/readonly.err"
  status=$?
  row disk "read-only output: fails, writes nothing" \
    "exit $status, $(find "$dir/readonly/out" -type f | wc -l) files" \
    "$([ "$status" -ne 0 ] && [ "$(find "$dir/readonly/out" -type f | wc -l)" -eq 0 ] && echo 1 || echo 0)"
  mount -o remount,rw "$dir/readonly"
  timeout 120 "$bin" -j 2 -o "$dir/readonly/out" "$dir/docs" 2>/dev/null
  status=$?
  row disk "made writable: the rerun completes, as the reference" "exit $status" \
    "$([ "$status" -eq 0 ] && diff -r "$dir/reference" "$dir/readonly/out" >/dev/null && echo 1 || echo 0)"
}

section_signals() {
  local dir="$work/signals" status
  mkdir -p "$dir"
  make_documents "$dir/docs" 6
  # A stream between the documents: its one output is written whole or not at all.
  python3 "$faults" jsonl-pages "$dir/docs/copy3a.jsonl" 3000
  local count
  count="$(find "$dir/docs" -type f | wc -l)"
  timeout 300 "$bin" -j 2 -o "$dir/reference" "$dir/docs" 2>/dev/null
  status=$?
  row signals "reference run, -j2" "$count documents, exit $status" \
    "$([ "$status" -eq 0 ] && echo 1 || echo 0)"
  local signal pid done_at_kill expected
  for signal in KILL INT; do
    rm -rf "$dir/out"
    "$bin" -j 2 -o "$dir/out" "$dir/docs" 2>/dev/null &
    pid=$!
    # SIGKILL in the middle of the stream (its temporary output exists),
    # SIGINT once a fifth of the outputs are written.
    for _ in $(seq 1200); do
      if [ "$signal" = KILL ]; then
        [ -n "$(find "$dir/out" -name '.copy3a.jsonl.tmp.*' 2>/dev/null)" ] && break
      else
        [ "$(find "$dir/out" -type f 2>/dev/null | wc -l)" -ge $((count / 5)) ] && break
      fi
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.05
    done
    kill -s "$signal" "$pid" 2>/dev/null
    { wait "$pid"; } 2>/dev/null
    status=$?
    done_at_kill="$(find "$dir/out" -type f -not -name '.*' | wc -l)"
    local stale
    stale="$(leftover_temporaries "$dir/out")"
    expected=137
    [ "$signal" = INT ] && expected=130
    row signals "SIG$signal mid-$([ "$signal" = KILL ] && echo stream || echo way): killed before the end" \
      "exit $status at $done_at_kill/$count, $stale tmp" \
      "$([ "$status" -eq "$expected" ] && [ "$done_at_kill" -lt "$count" ] && echo 1 || echo 0)"
    # SIGKILL cannot be caught: its temporary file stays until the rerun.
    if [ "$signal" = INT ]; then
      row signals "SIGINT: no temporary file left" "$stale" "$([ "$stale" -eq 0 ] && echo 1 || echo 0)"
    fi
    timeout 300 "$bin" -j 2 -o "$dir/out" "$dir/docs" 2>/dev/null
    status=$?
    row signals "SIG$signal: the rerun matches a clean run byte for byte" "exit $status" \
      "$([ "$status" -eq 0 ] && diff -r "$dir/reference" "$dir/out" >/dev/null && echo 1 || echo 0)"
  done
}

for section in "${sections[@]}"; do
  case "$section" in
    urls | streams | disk | signals) "section_$section" ;;
    *) echo "faults.sh: unknown section $section (urls, streams, disk, signals)" >&2; exit 2 ;;
  esac
done
exit "$failed"
