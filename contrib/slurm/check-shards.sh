#!/usr/bin/env bash
# After a webclean-array.sbatch job: did every task end, and what failed?
#
#   contrib/slurm/check-shards.sh OUT N
#
# Prints one line per task that has not ended (no status yet: still
# running, pending, or killed and not requeued) or ended with an error of
# its own, then every failed document from the tasks' errors files, and a
# summary. Exit status: 0 every task ended and no document failed, 1 every
# task ended and some documents failed, 2 some task did not end or failed.
# Run it by hand, or as a job that waits for the array:
#   sbatch --dependency=afterany:JOBID --wrap "contrib/slurm/check-shards.sh OUT N"
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 OUT N" >&2; exit 2; }
out=$1
tasks=$2
state="$out/.webclean-slurm"
unfinished=0
failed_documents=0
for ((task = 0; task < tasks; task++)); do
  if [ ! -f "$state/$task.status" ]; then
    echo "task $task: has not ended (no $state/$task.status)"
    unfinished=$((unfinished + 1))
    continue
  fi
  status=$(cat "$state/$task.status")
  if [ "$status" != 0 ] && [ "$status" != 1 ]; then
    echo "task $task: webclean ended with status $status"
    unfinished=$((unfinished + 1))
  fi
  if [ -s "$state/$task.errors.jsonl" ]; then
    while IFS= read -r line; do
      echo "task $task: failed: $line"
      failed_documents=$((failed_documents + 1))
    done <"$state/$task.errors.jsonl"
  fi
done
echo "check-shards: $tasks tasks, $unfinished not ended or failed, $failed_documents documents failed"
[ "$unfinished" -eq 0 ] || exit 2
[ "$failed_documents" -eq 0 ] || exit 1
