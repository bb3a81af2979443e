#!/usr/bin/env python3
"""Cleans a collection of JSON Lines, WARC and WET files on a Dask cluster.

Each input file is one partition: a task reads it with webclean's own
readers, cleans every record with its worker's one Cleaner (built once per
worker process by a WorkerPlugin, never per document) and writes
OUT/NAME.jsonl, the same bytes `webclean -o OUT/ FILE...` writes
(python/tests/test_dask.py checks it on a LocalCluster of two processes).
First, as in the command line, the repetition filter's counts: a task per
text file, merged into one index of the whole collection.

    python3 webclean_dask.py -o OUT/ [--workers N | --scheduler ADDRESS] INPUT...

INPUT: files (.jsonl .ndjson .warc .wet, each also .gz) or folders searched
for them. See contrib/dask/README.md for the options and what differs from
the command line.
"""

import argparse
import contextlib
import dataclasses
import json
import logging
import os
import socket
import sys
import time
import uuid

import dask
import webclean
from distributed import Client, LocalCluster, WorkerPlugin, as_completed, get_worker


# Dask's nannies start workers with MALLOC_TRIM_THRESHOLD_=65536, which
# also fixes glibc's mmap threshold at 128 kB: every page-sized buffer is
# then mapped and unmapped anew. Measured on 990 pages cleaned in one
# process: 9.0 s with it, 4.7 s without. A LocalCluster here starts its
# workers without it; workers started elsewhere should be too.
WORKER_ENVIRONMENT = {"distributed.nanny.pre-spawn-environ": {}}


@dataclasses.dataclass(frozen=True)
class Settings:
    """What every partition is cleaned with (the command line's options)."""

    rules: tuple = ()  # --rules DIR...
    page_type: str = None  # --page-type
    markdown: bool = False  # -f markdown: each output record gets "markdown"
    repeats: bool = True  # --no-repeats turns the repetition filter off
    repeat_min: int = 3  # --repeat-min
    max_bytes: int = 64 << 20  # --max-bytes: one record's document at most
    force: bool = False  # --force: redo outputs that are up to date

    def cleaner(self):
        return webclean.Cleaner(
            rules=list(self.rules), markdown=self.markdown, page_type=self.page_type
        )


class CleanerPlugin(WorkerPlugin):
    """Builds the worker's one Cleaner when the worker starts (or joins)."""

    name = "webclean-cleaner"

    def __init__(self, settings):
        self.settings = settings

    def setup(self, worker):
        if "MALLOC_TRIM_THRESHOLD_" in os.environ:
            logging.getLogger("distributed.worker").warning(
                "webclean: this worker runs with MALLOC_TRIM_THRESHOLD_=%s, which makes "
                "cleaning about half as fast; start workers with "
                "DASK_DISTRIBUTED__NANNY__PRE_SPAWN_ENVIRON='{}'",
                os.environ["MALLOC_TRIM_THRESHOLD_"])
        worker.webclean_cleaner = self.settings.cleaner()
        # How many this worker built: the test checks it is one.
        worker.webclean_cleaners_built = getattr(worker, "webclean_cleaners_built", 0) + 1


def find_inputs(paths):
    """(input path, output path relative to OUT) for every stream file.

    A file is named on its own; a folder is searched, and its files keep
    their place below it, as the command line lays out outputs.
    """
    found = []
    for path in paths:
        if os.path.isdir(path):
            for folder, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    file = os.path.join(folder, name)
                    if webclean.stream_format(file):
                        found.append((file, output_name(os.path.relpath(file, path))))
        else:
            found.append((path, output_name(os.path.basename(path))))
    return found


def output_name(relative):
    """a/crawl.warc.gz -> a/crawl.jsonl: as the command line names outputs."""
    if relative.endswith(".gz"):
        relative = relative[:-3]
    folder, name = os.path.split(relative)
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    return os.path.join(folder, stem + ".jsonl")


def up_to_date(source, output):
    try:
        return os.path.getmtime(output) >= os.path.getmtime(source)
    except OSError:
        return False


def count_partition(path, settings):
    """The first pass over one file: its text records' lines, per site.

    Runs on a worker. A file that cannot be read counts nothing here; the
    cleaning pass reports it.
    """
    cleaner = get_worker().webclean_cleaner
    index = webclean.RepeatIndex(min_documents=settings.repeat_min)
    try:
        for record in webclean.open_records(path, max_bytes=settings.max_bytes):
            cleaner.index_record(record, index)
    except OSError:
        pass
    return index


def merge_indexes(*indexes):
    """One index of the counts of several parts (in their order)."""
    whole = webclean.RepeatIndex(min_documents=indexes[0].min_documents)
    for index in indexes:
        whole.merge(index)
    return whole


def merged_repeats(client, paths, settings, fan_in=16):
    """The whole collection's RepeatIndex, as a future on the cluster.

    Each counted file is one task; their indexes are merged in a tree of
    tasks, `fan_in` at a time, so that no one task receives all of a large
    crawl's. The counts per site are the command line's whole-run counts.
    """
    counted = [p for p in paths if webclean.first_pass_reads(p)]
    parts = client.map(count_partition, counted, settings=settings, pure=False)
    if not parts:
        return None
    while len(parts) > 1:
        parts = [client.submit(merge_indexes, *parts[i:i + fan_in], pure=False)
                 for i in range(0, len(parts), fan_in)]
    return parts[0]


def clean_partition(path, output, name, settings, repeats=None):
    """Cleans one input file into `output`; returns what happened.

    Runs on a worker. Bad records are listed, not raised: the file's other
    records are still written. The output appears whole or not at all.
    `name`: the input as the user gave it, for messages; `repeats`: the
    collection's RepeatIndex, or None for no repetition filter.
    """
    summary = {"input": name, "output": output, "written": 0, "skipped": 0, "failures": []}
    if not settings.force and up_to_date(path, output):
        summary["done"] = True
        return summary
    cleaner = get_worker().webclean_cleaner
    try:
        records = webclean.open_records(path, max_bytes=settings.max_bytes)
    except OSError as error:  # as the command line says it: "No such file or directory"
        summary["failures"].append({"input": name, "record": None,
                                    "error": error.strerror or str(error)})
        return summary
    os.makedirs(os.path.dirname(output) or ".", exist_ok=True)
    # Named as the command line names its temporaries, so that either
    # removes what a killed run of the other left.
    folder, file_name = os.path.split(output)
    temporary = os.path.join(folder, ".%s.tmp.%s.%d.%s" % (
        file_name, temporary_host(), os.getpid(), uuid.uuid4().hex[:8]))
    try:
        with open(temporary, "w", encoding="utf-8", newline="") as out:
            for record in records:
                if record.skipped:
                    summary["skipped"] += 1
                    continue
                if record.error:
                    summary["failures"].append(failure(name, record, record.error))
                    continue
                result = cleaner.clean_record(record, repeats=repeats)
                if not result.ok:
                    summary["failures"].append(failure(name, record, result.error))
                    continue
                out.write(record.to_jsonl(result, markdown=settings.markdown))
                summary["written"] += 1
        os.replace(temporary, output)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return summary


def temporary_host():
    """The host name as temporaries carry it: all but letters, digits and '-' made '-'."""
    return "".join(c if c.isascii() and (c.isalnum() or c == "-") else "-"
                   for c in socket.gethostname())


def failure(path, record, error):
    return {"input": path, "record": record.key, "error": error}


def run(client, inputs, out_dir, settings, progress=None):
    """Cleans `inputs` (paths) into `out_dir` on `client`'s cluster.

    Returns the summaries of all partitions, in input order. A partition
    whose task failed outright (its worker died three times, say) is one
    failure of its input; the others are written regardless.
    """
    client.register_worker_plugin(CleanerPlugin(settings))
    found = find_inputs(inputs)
    paths = [os.path.abspath(path) for path, _ in found]
    outputs = [os.path.abspath(os.path.join(out_dir, relative)) for _, relative in found]
    names = [path for path, _ in found]
    # The first pass, when there is work left: the whole collection is
    # counted even when only some files are left, so that a resumed run
    # writes what an uninterrupted one would.
    pending = settings.force or not all(map(up_to_date, paths, outputs))
    repeats = merged_repeats(client, paths, settings) if settings.repeats and pending else None
    futures = client.map(clean_partition, paths, outputs, names, settings=settings,
                         repeats=repeats, pure=False)
    position = {future.key: n for n, future in enumerate(futures)}
    summaries = [None] * len(futures)
    started = time.monotonic()
    for done, future in enumerate(as_completed(futures), 1):
        n = position[future.key]
        try:
            summaries[n] = future.result()
        except Exception as error:  # the task itself failed: report it, go on
            summaries[n] = {"input": names[n], "output": outputs[n], "written": 0, "skipped": 0,
                            "failures": [{"input": names[n], "record": None,
                                          "error": "%s: %s" % (type(error).__name__, error)}]}
        if progress:
            records = sum(s["written"] for s in summaries if s)
            rate = records / max(time.monotonic() - started, 1e-9)
            print("\rwebclean-dask: %d/%d files, %d records, %.0f records/s"
                  % (done, len(futures), records, rate), end="", file=progress, flush=True)
    if progress:
        print(file=progress)
    return summaries


def report(summaries, errors_path=None, stream=sys.stderr):
    """Prints each failure (and writes the --errors log); True when there were none."""
    failures = [f for s in summaries for f in s["failures"]]
    for f in failures:
        where = f["input"] if f["record"] is None else "%s: record %s" % (f["input"], f["record"])
        print("webclean-dask: %s: %s" % (where, f["error"]), file=stream)
    if errors_path:
        with open(errors_path, "w", encoding="utf-8") as log:
            for f in failures:
                log.write(json.dumps(f, ensure_ascii=False) + "\n")
    written = sum(s["written"] for s in summaries)
    done = sum(1 for s in summaries if s.get("done"))
    print("webclean-dask: %d files (%d already done), %d records written, %d failed"
          % (len(summaries), done, written, len(failures)), file=stream)
    return not failures


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", metavar="INPUT")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="output folder")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--workers", type=int, default=os.cpu_count(),
                       help="worker processes of a LocalCluster on this machine (default: cores)")
    where.add_argument("--scheduler", metavar="ADDRESS",
                       help="a running cluster's scheduler (tcp://host:8786) instead")
    parser.add_argument("--rules", action="append", default=[], metavar="DIR")
    parser.add_argument("--page-type", choices=webclean.PAGE_TYPES)
    parser.add_argument("--markdown", action="store_true", help="add each record's Markdown")
    parser.add_argument("--no-repeats", action="store_true", help="no repetition filter")
    parser.add_argument("--repeat-min", type=int, default=3, metavar="K")
    parser.add_argument("--max-bytes", type=int, default=64 << 20, metavar="N")
    parser.add_argument("--force", action="store_true", help="redo outputs that are up to date")
    parser.add_argument("--errors", metavar="FILE", help="write failures as JSON Lines")
    parser.add_argument("--progress", action="store_true",
                        help="a progress line on stderr even when it is not a terminal")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress line")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_arguments(argv)
    settings = Settings(
        rules=tuple(os.path.abspath(d) for d in args.rules), page_type=args.page_type,
        markdown=args.markdown, repeats=not args.no_repeats, repeat_min=args.repeat_min,
        max_bytes=args.max_bytes, force=args.force)
    try:
        settings.cleaner()  # a bad rule file stops the run here, before any worker starts
    except webclean.RuleError as error:
        print("webclean-dask: %s" % error, file=sys.stderr)
        return 2
    with contextlib.ExitStack() as stack:
        if args.scheduler:
            client = stack.enter_context(Client(args.scheduler))
        else:
            stack.enter_context(dask.config.set(WORKER_ENVIRONMENT))
            cluster = stack.enter_context(LocalCluster(
                n_workers=args.workers, threads_per_worker=1, processes=True,
                dashboard_address=None))
            client = stack.enter_context(Client(cluster))
        show = not args.quiet and (args.progress or sys.stderr.isatty())
        summaries = run(client, args.inputs, args.output, settings,
                        progress=sys.stderr if show else None)
    return 0 if report(summaries, args.errors) else 1


if __name__ == "__main__":
    sys.exit(main())
