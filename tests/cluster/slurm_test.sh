#!/usr/bin/env bash
# The Slurm recipe (contrib/slurm/) run for real: a one-node cluster (munge,
# slurmctld, slurmd, configured in a temporary folder, stopped at the end
# whatever happens) runs a 4-task job array over a tree of the corpus's
# pages and a WARC file. One task is killed with SIGKILL in the middle of
# its work and requeued; the union of the outputs must equal a
# single-process run byte for byte, check-shards.sh must find every task
# ended, and no temporary may be left. Then the same with --shard-by site.
#   tests/cluster/slurm_test.sh [BUILD_DIR]     (default build/)
# Needs root (slurmd runs the jobs) and slurm-wlm and munge (scripts/deps.txt,
# installed with WEBCLEAN_CLUSTER=1); where Slurm cannot start it says so and
# exits 0 without testing anything.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
build="$(cd "${1:-$here/build}" && pwd)"
webclean="$build/webclean"
skip() {
  echo "slurm test: SKIPPED: $*"
  exit 0
}
fail() {
  echo "slurm test: FAILED: $*" >&2
  exit 1
}
for tool in munged slurmctld slurmd sbatch squeue scontrol sinfo; do
  command -v "$tool" >/dev/null || skip "$tool not installed (apt-get install slurm-wlm munge)"
done
[ "$(id -u)" -eq 0 ] || skip "not root: slurmd must run as root to start jobs"
[ -x "$webclean" ] || fail "no $webclean: build the command line first"

tmp="$(mktemp -d /tmp/webclean-slurm.XXXXXX)"
chmod 755 "$tmp"
export SLURM_CONF="$tmp/slurm.conf"
# Stops what the test started: its jobs, then its daemons, then any job
# step left behind (the job steps' environment names this SLURM_CONF).
cleanup() {
  squeue -h -o %i 2>/dev/null | xargs -r scancel 2>/dev/null || true
  for pid in $(pgrep -x slurmstepd || true) $(pgrep -f -- "$tmp/" || true); do
    if [ "$pid" != $$ ] && grep -qz "SLURM_CONF=$SLURM_CONF" "/proc/$pid/environ" 2>/dev/null; then
      kill -CONT "$pid" 2>/dev/null || true
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  for pid_file in "$tmp/slurmd.pid" "$tmp/slurmctld.pid" "$tmp/munged.pid"; do
    [ -f "$pid_file" ] && kill "$(cat "$pid_file")" 2>/dev/null || true
  done
  sleep 1
  for pid_file in "$tmp/slurmd.pid" "$tmp/slurmctld.pid" "$tmp/munged.pid"; do
    [ -f "$pid_file" ] && kill -9 "$(cat "$pid_file")" 2>/dev/null || true
  done
  rm -rf "$tmp"
}
trap cleanup EXIT

# --- the cluster ---
mkdir -p "$tmp/state" "$tmp/spool" "$tmp/log"
dd if=/dev/urandom of="$tmp/munge.key" bs=1024 count=1 status=none
chmod 400 "$tmp/munge.key"
munged -f --socket="$tmp/munge.sock" --key-file="$tmp/munge.key" --pid-file="$tmp/munged.pid" \
  --log-file="$tmp/log/munged.log" --seed-file="$tmp/munged.seed" ||
  skip "munged does not start: $(tail -n 3 "$tmp/log/munged.log" 2>/dev/null)"
node="$(hostname -s)"
port=$((20000 + $$ % 20000))
cat >"$SLURM_CONF" <<CONF
ClusterName=webclean-test
SlurmctldHost=$node
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
AuthInfo=socket=$tmp/munge.sock
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/log/slurmctld.log
SlurmdLogFile=$tmp/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MpiDefault=none
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
NodeName=$node CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
slurmctld -f "$SLURM_CONF" || skip "slurmctld does not start: $(tail -n 3 "$tmp/log/slurmctld.log")"
slurmd -f "$SLURM_CONF" || skip "slurmd does not start: $(tail -n 3 "$tmp/log/slurmd.log")"
# The node comes up within seconds; counted in attempts, not time.
for ((attempt = 0; ; attempt++)); do
  state="$(sinfo -h -o %t 2>/dev/null || true)"
  [ "$state" = idle ] && break
  [ "$attempt" -lt 300 ] || skip "the node is not idle after 300 polls (state '$state')"
  sleep 0.2
done
echo "slurm test: one-node cluster '$node' up (ports $port, $((port + 1)))"

# --- the inputs: a tree of pages and text documents, and a WARC file ---
mkdir -p "$tmp/in"
cp -r "$here/corpus/trafilatura" "$here/corpus/readability" "$here/corpus/text" "$tmp/in/"
rm -f "$tmp/in"/*/*.jsonl  # the corpus's gold files
python3 - "$here/corpus/wcxb-dev" "$tmp/crawl.warc.gz" <<'PY'
import gzip, os, sys, uuid
pages, out = sys.argv[1:3]
with open(out, "wb") as warc:
    for n, name in enumerate(sorted(os.listdir(pages))):
        path = os.path.join(pages, name)
        if not name.endswith((".html", ".html.gz")):
            continue
        with open(path, "rb") as f:
            html = f.read()
        if name.endswith(".gz"):
            html = gzip.decompress(html)
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
        # Six sites, so that --shard-by site has several to spread.
        url = "https://site%d.example/%s" % (n % 6, name)
        head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:%s>\r\n"
                "WARC-Target-URI: %s\r\nContent-Type: application/http; msgtype=response\r\n"
                "Content-Length: %d\r\n\r\n" % (uuid.UUID(int=n + 1), url, len(http))).encode()
        warc.write(gzip.compress(head + http + b"\r\n\r\n"))
PY
inputs=("$tmp/in" "$tmp/crawl.warc.gz")

# The union of a job's outputs, and the whole run's, as one listing: each
# file's path and checksum; stream outputs (NAME.I-of-N.jsonl) as their
# sorted lines, so that the shards' parts compare with the whole.
digest() {
  local dir=$1
  (cd "$dir" && find . -type f ! -path './.webclean-slurm/*' ! -name '*-of-*.jsonl' \
    ! -name 'crawl.jsonl' -print0 | sort -z | xargs -0 sha256sum)
  cat "$dir"/crawl*.jsonl | sort | sha256sum | sed 's/-$/crawl records/'
}

tasks=4
# run_array NAME KILL [OPTION...]: submits the array, optionally kills
# task 1 mid-run and requeues it, waits, checks against the whole run.
run_array() {
  local name=$1 kill_one=$2
  shift 2
  local options=("$@")
  local out="$tmp/$name" whole="$tmp/$name-whole"
  "$webclean" -q -o "$whole" "${options[@]}" "${inputs[@]}" || fail "$name: the whole run failed"
  # Task 1's outputs, to see its first attempt end halfway.
  "$webclean" -q --shard "1/$tasks" -o "$tmp/$name-task1" "${options[@]}" "${inputs[@]}" ||
    fail "$name: the lone run of task 1 failed"
  local task1_files
  task1_files=$(cd "$tmp/$name-task1" && find . -type f -name '*.txt')
  local job
  job=$(WEBCLEAN="$webclean" sbatch --parsable --array=0-$((tasks - 1)) \
    --output="$tmp/log/$name-%a.out" "$here/contrib/slurm/webclean-array.sbatch" \
    "$out" "${inputs[@]}" -- "${options[@]}") || fail "$name: sbatch refused the job"
  echo "slurm test: $name: job $job, $tasks tasks"
  if [ "$kill_one" = kill ]; then
    # Catch task 1's webclean, let it run in slices until part of its work
    # is written, then kill it outright, as a node dying would.
    local pid="" attempt
    for ((attempt = 0; attempt < 5000; attempt++)); do
      pid=$(pgrep -f -- "--shard 1/$tasks --errors $out/" || true)
      [ -z "$pid" ] || break
      sleep 0.01
    done
    [ -n "$pid" ] || fail "$name: task 1's webclean never seen running"
    kill -STOP "$pid"
    local written=0 total
    total=$(wc -l <<<"$task1_files")
    for ((attempt = 0; attempt < 20000; attempt++)); do
      # shellcheck disable=SC2086  # the names have no spaces (the corpus's)
      written=$({ cd "$out" 2>/dev/null && ls -d $task1_files 2>/dev/null; } | wc -l || true)
      [ "$written" -ge 3 ] && break
      kill -CONT "$pid"
      sleep 0.002
      kill -STOP "$pid"
    done
    [ "$written" -lt "$total" ] && [ ! -f "$out/.webclean-slurm/1.status" ] ||
      fail "$name: task 1 had ended before the kill"
    kill -9 "$pid"
    echo "slurm test: $name: task 1 killed after $written of its $total page outputs; requeued"
    # The task fails (webclean died by a signal); wait until Slurm has it
    # ended, then requeue it as an operator, or --requeue on a node failure, would.
    for ((attempt = 0; attempt < 600; attempt++)); do
      scontrol requeue "${job}_1" 2>/dev/null && break
      sleep 0.1
    done
    [ "$attempt" -lt 600 ] || fail "$name: task 1 could not be requeued"
    # Slurm holds a requeued job back for two minutes; the test need not wait.
    scontrol update JobId="${job}_1" StartTime=now ||
      fail "$name: task 1's start time could not be brought forward"
  fi
  local attempt
  for ((attempt = 0; attempt < 3000; attempt++)); do
    [ -z "$(squeue -h -j "$job" 2>/dev/null)" ] && break
    sleep 0.2
  done
  [ "$attempt" -lt 3000 ] || fail "$name: the job did not end"
  "$here/contrib/slurm/check-shards.sh" "$out" "$tasks" || fail "$name: check-shards.sh"
  if [ "$kill_one" = kill ]; then
    grep -q "attempt 2" "$tmp/log/$name-1.out" || fail "$name: task 1 ran once only"
  fi
  [ -z "$(find "$out" -name '.*.tmp.*')" ] || fail "$name: temporaries left: $(find "$out" -name '.*.tmp.*')"
  diff <(digest "$whole") <(digest "$out") >"$tmp/$name.diff" ||
    fail "$name: the shards' union differs from the whole run: $(head -n 5 "$tmp/$name.diff")"
  echo "slurm test: $name: the union of the $tasks tasks' outputs equals the whole run's ($(digest "$whole" | wc -l) files and streams)"
}

run_array by-document kill
run_array by-site kill --shard-by site
echo "slurm test: passed"
