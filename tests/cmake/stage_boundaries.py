#!/usr/bin/env python3
"""The build enforces the arrows between stages that docs/DESIGN.md draws.

For every pair of stages (X, Y), a file compiled as part of stage X (with
X's own compile command from compile_commands.json) includes a header of
Y: it must compile when X may use Y, directly or through the stages it
uses, and must fail ("No such file") when it may not. The public API is
two pseudo-stages: api-data (result.h, repeat_index.h) and api (adds
cleaner.h and webclean.h).

    tests/cmake/stage_boundaries.py BUILD_DIR
"""

import concurrent.futures
import json
import os
import pathlib
import shlex
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]

# docs/DESIGN.md, "Stages and their arrows": what each stage may use.
ARROWS = {
    "base": [],
    "decode": ["base"],
    "source": ["base", "decode"],
    "fetch": ["base"],
    "block": ["api-data"],
    "html": ["base", "block"],
    "text": ["block"],
    "classify": ["base", "block", "api-data"],
    "rules": ["base", "block"],
    "meta": ["base", "block", "api-data"],
    "filter": ["base", "block", "rules", "meta", "api-data"],
    "sink": ["base", "block", "classify", "api-data"],
    "records": ["base", "source", "sink", "api"],
    "core": ["base", "decode", "block", "html", "text", "classify", "rules", "meta", "filter",
             "sink", "api"],
    "capi": ["api"],
    "api": ["api-data"],
    "api-data": [],
}
API_HEADERS = {"api-data": "webclean/result.h", "api": "webclean/cleaner.h"}


def reachable(stage):
    seen, todo = set(), [stage]
    while todo:
        for used in ARROWS[todo.pop()]:
            if used not in seen:
                seen.add(used)
                todo.append(used)
    return seen | {stage}


def header_of(stage):
    """A header of the stage, or None for a stage of no headers (capi)."""
    if stage in API_HEADERS:
        return API_HEADERS[stage]
    headers = sorted(p.name for p in (ROOT / "src" / stage).glob("*.h"))
    return "%s/%s" % (stage, headers[0]) if headers else None


def stage_commands(build):
    """Each stage's compile command, for one of its files, as an argument list."""
    commands = {}
    for entry in json.loads((build / "compile_commands.json").read_text()):
        path = pathlib.Path(entry["file"])
        stage = path.parent.name
        # The stage's own target (the build-time table generators compile
        # some of its files too, with other flags).
        target = "webclean_stage_%s.dir" % stage
        if path.parent.parent == ROOT / "src" and target in entry.get("output", entry["command"]):
            args = entry.get("arguments") or shlex.split(entry["command"])
            commands.setdefault(stage, (args, path, entry["directory"]))
    return commands


def probe(command, header, folder):
    args, source, directory = command
    probe_file = os.path.join(folder, "probe_%s.cc" % header.replace("/", "_"))
    with open(probe_file, "w") as out:
        out.write('#include "%s"\n' % header)
    compile_args = []
    skip = False
    for arg in args:
        if skip:
            skip = False
            continue
        if arg in ("-o", "-c", "-MF", "-MT", "-MQ"):
            skip = arg != "-c"
            continue
        if arg in ("-MD", "-MMD") or arg == str(source) or arg.endswith(source.name):
            continue
        compile_args.append(arg)
    result = subprocess.run(compile_args + ["-fsyntax-only", probe_file], cwd=directory,
                            capture_output=True, text=True)
    return result.returncode == 0, result.stderr


def main():
    build = pathlib.Path(sys.argv[1]).resolve()
    commands = stage_commands(build)
    stages = [s for s in ARROWS if s in commands]
    missing = [s for s in ARROWS if s not in API_HEADERS and s not in commands]
    if missing:
        print("no compile command for the stages %s" % missing)
        return 1
    wrong = []
    with tempfile.TemporaryDirectory() as folder, concurrent.futures.ThreadPoolExecutor(
            os.cpu_count()) as pool:
        jobs = {}
        for stage in stages:
            sub = os.path.join(folder, stage)
            os.mkdir(sub)
            for used in ARROWS:
                if header_of(used) is None:
                    continue
                expected = used in reachable(stage)
                jobs[pool.submit(probe, commands[stage], header_of(used), sub)] = (
                    stage, used, expected)
        for job, (stage, used, expected) in jobs.items():
            compiled, errors = job.result()
            if compiled != expected:
                wrong.append("%s including %s: %s, expected %s%s" % (
                    stage, header_of(used), "compiles" if compiled else "fails",
                    "to compile" if expected else "to fail",
                    "" if compiled else "\n    " + errors.strip().splitlines()[0]))
    print("%d includes checked: %d stages, each with a header of every stage and the API"
          % (len(jobs), len(stages)))
    for line in wrong:
        print(line)
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
