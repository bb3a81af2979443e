#!/usr/bin/env python3
"""The inputs and the checks of scripts/faults.sh, one subcommand each.

Each check prints rows of the script's table ("section  check  figure  ok|FAIL")
and exits 1 when an expectation fails. Only the standard library: the URL
lists point at tests/fetch/server.py on 127.0.0.1."""

import gzip
import json
import os
import random
import sys
import uuid

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fetch"))
from server import FAULTS, page  # noqa: E402

FAILED = []


def row(section, check, figure, ok):
    print("%-8s %-56s %-24s %s" % (section, check, figure, "ok" if ok else "FAIL"), flush=True)
    if not ok:
        FAILED.append(check)


def finish():
    sys.exit(1 if FAILED else 0)


def read_errors(path):
    """The --errors file: one JSON object a failure."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


# --- URLs -----------------------------------------------------------------

def urls_list(port, out, count, per_fault):
    """`count` URLs: `per_fault` of each fault, the rest good pages, shuffled
    (always the same way); lines "URL<TAB>KIND"."""
    base = "http://127.0.0.1:%s" % port
    kinds = [k for k in FAULTS for _ in range(per_fault)]
    kinds += ["good"] * (count - len(kinds))
    random.Random(11).shuffle(kinds)
    with open(out, "w") as f:
        for i, kind in enumerate(kinds):
            path = "/page/good-%d" % i if kind == "good" else "/fault/%s/u%d" % (kind, i)
            f.write("%s%s\t%s\n" % (base, path, kind))


def read_list(path):
    with open(path) as f:
        return [tuple(line.rstrip("\n").split("\t")) for line in f if line.strip()]


def urls_check(listing, out, errors, status):
    entries = read_list(listing)
    records = read_jsonl(out)
    failures = read_errors(errors)
    cleaned = {r["url"]: r for r in records}
    failed = {}
    for e in failures:
        failed.setdefault(e["input"], []).append(e["error"])
    urls = [u for u, _ in entries]
    once = all((u in cleaned) + len(failed.get(u, [])) == 1 for u in urls)
    n = len(urls)
    row("urls", "every URL once: cleaned + one-line errors = N",
        "%d + %d = %d" % (len(records), len(failures), n),
        once and len(records) + len(failures) == n and len(cleaned) == len(records))
    row("urls", "exit status 1 (some URLs failed)", "exit %s" % status, status == "1")
    row("urls", "records in input order", "",
        [r["url"] for r in records] == [u for u in urls if u in cleaned])
    good = [(i, u) for i, (u, k) in enumerate(entries) if k == "good"]
    right = sum(1 for i, u in good if u in cleaned and
                ("The story of good-%d." % i) in cleaned[u]["text"] and
                "Copyright" not in cleaned[u]["text"])
    row("urls", "good pages cleaned, their text right", "%d/%d" % (right, len(good)),
        right == len(good))
    print("  %-16s %5s %8s %7s  %s" % ("fault", "URLs", "cleaned", "errors", "first reason"))
    for kind, expected in FAULTS.items():
        mine = [u for u, k in entries if k == kind]
        ok_count = sum(1 for u in mine if u in cleaned)
        err = [failed[u][0] for u in mine if u in failed]
        print("  %-16s %5d %8d %7d  %s" % (kind, len(mine), ok_count, len(err),
                                          (err[0] if err else "")[:60]))
        if expected == "error" and ok_count:
            row("urls", "%s: every URL an error" % kind, "%d cleaned" % ok_count, False)
        if expected == "cleaned" and err:
            row("urls", "%s: every URL cleaned" % kind, "%d errors" % len(err), False)
    finish()


def nostall_list(port, out, count, slow_every):
    """`count` URLs, every `slow_every`-th (from the middle of the first
    stretch on) trickling until the client's timeout."""
    base = "http://127.0.0.1:%s" % port
    with open(out, "w") as f:
        for i in range(count):
            slow = i % slow_every == slow_every // 2
            kind = "trickle" if slow else "good"
            path = "/fault/trickle/n%d" % i if slow else "/page/good-%d" % i
            f.write("%s%s\t%s\n" % (base, path, kind))


def nostall_check(listing, log, out, errors, seconds, jobs, timeout, tries):
    """From the server's log: the good URLs requested before any slow URL's
    second try, which waits for its first to time out. A fetcher that stops
    behind a slow URL requests the good URLs past its window only later."""
    entries = read_list(listing)
    slow = sum(1 for _, k in entries if k != "good")
    good = len(entries) - slow
    before = 0
    tries_seen = {}
    retried = False
    first = last_good = first_retry = None
    with open(log) as f:
        for line in f:
            at, path = line.split(" ", 1)
            at, path = float(at), path.strip()
            first = at if first is None else first
            if path.startswith("/fault/"):
                tries_seen[path] = tries_seen.get(path, 0) + 1
                if tries_seen[path] == 2 and not retried:
                    retried, first_retry = True, at
            elif path.startswith("/page/"):
                last_good = at
                before += 0 if retried else 1
    records = read_jsonl(out)
    failures = read_errors(errors)
    row("urls", "no stall: good URLs requested before a slow retry",
        "%d/%d" % (before, good), before == good)
    row("urls", "no stall: all accounted, in order",
        "%d + %d = %d" % (len(records), len(failures), len(entries)),
        len(records) + len(failures) == len(entries) and
        [r["url"] for r in records] == [u for u, k in entries if k == "good"])
    # The slow URLs alone fill the slots for tries x timeout each.
    rounds = -(-slow * tries // jobs)
    print("  %d URLs, %d trickling, --fetch-jobs %d --timeout %s --retries %d: %.1f s "
          "(the slow URLs' tries alone: %d rounds of %s s); the last good URL requested "
          "at %.1f s, the first retry at %.1f s"
          % (len(entries), slow, jobs, timeout, tries - 1, float(seconds), rounds, timeout,
             (last_good or 0) - (first or 0), (first_retry or 0) - (first or 0)))
    finish()


# --- streams ----------------------------------------------------------------

def warc_record(i, length_error=0):
    html = page("Record %d" % i, "The story of record %d." % i)
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            b"Content-Length: %d\r\n\r\n" % len(html)) + html
    head = ("WARC/1.0\r\nWARC-Type: response\r\n"
            "WARC-Record-ID: <urn:uuid:%s>\r\n"
            "WARC-Date: 2026-11-30T12:00:00Z\r\n"
            "WARC-Target-URI: https://example.org/record/%d\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            "Content-Length: %d\r\n\r\n"
            % (uuid.UUID(int=i), i, len(http) + length_error)).encode()
    return head + http + b"\r\n\r\n"


# Positions of the records whose Content-Length lies, and by how much.
WARC_LIES = {5: -40, 10: +200, 15: -1, 20: +3, 29: +500}
WARC_RECORDS = 30


def streams_write(directory):
    records = [warc_record(i, WARC_LIES.get(i, 0)) for i in range(WARC_RECORDS)]
    with open(os.path.join(directory, "lengths.warc"), "wb") as f:
        f.write(b"".join(records))
    with open(os.path.join(directory, "lengths.warc.gz"), "wb") as f:
        for record in records:
            f.write(gzip.compress(record))
    lines = []
    for i in range(20):
        lines.append(json.dumps({"id": "r%d" % i, "url": "https://example.org/%d" % i,
                                 "html": page("Line %d" % i, "The story of line %d." % i)
                                 .decode()}))
        if i % 5 == 0:
            lines.append("")
            lines.append("   ")
    bad = ["not json at all", '{"id": "cut", "html": "<p>unfinished', '{"id": "no body"}',
           "[1, 2, 3]", '{"id": "number", "html": 42}', '{"id": "dup", "id": }']
    for n, line in enumerate(bad):
        lines.insert(3 + 4 * n, line)
    with open(os.path.join(directory, "lines.jsonl"), "w") as f:
        f.write("\n".join(lines) + "\n")
    expected = {"lengths.warc": WARC_RECORDS, "lengths.warc.gz": WARC_RECORDS,
                "lines.jsonl": 20 + len(bad)}
    with open(os.path.join(directory, "expected.json"), "w") as f:
        json.dump(expected, f)


def jsonl_pages(path, count):
    """A JSON Lines stream of `count` article records."""
    with open(path, "w") as f:
        for i in range(count):
            f.write(json.dumps({"id": "p%d" % i, "url": "https://example.org/p/%d" % i,
                                "html": page("Record %d" % i, "The story of record %d." % i)
                                .decode()}) + "\n")


def streams_check(directory, name, out, errors, status):
    with open(os.path.join(directory, "expected.json")) as f:
        expected = json.load(f)[name]
    records = read_jsonl(out)
    failures = read_errors(errors)
    row("streams", "%s: accounted" % name,
        "%d + %d = %d of %d" % (len(records), len(failures), len(records) + len(failures),
                                expected),
        len(records) + len(failures) == expected)
    if name == "lines.jsonl":
        row("streams", "lines.jsonl: good lines cleaned, in order", "%d/20" % len(records),
            [r["id"] for r in records] == ["r%d" % i for i in range(20)])
    row("streams", "%s: exit status 1" % name, "exit %s" % status, status == "1")
    finish()


def main():
    command, args = sys.argv[1], sys.argv[2:]
    if command == "urls-list":
        urls_list(args[0], args[1], int(args[2]), int(args[3]))
    elif command == "urls-check":
        urls_check(*args)
    elif command == "nostall-list":
        nostall_list(args[0], args[1], int(args[2]), int(args[3]))
    elif command == "nostall-check":
        nostall_check(args[0], args[1], args[2], args[3], args[4], int(args[5]), args[6],
                      int(args[7]))
    elif command == "streams-write":
        streams_write(args[0])
    elif command == "jsonl-pages":
        jsonl_pages(args[0], int(args[1]))
    elif command == "streams-check":
        streams_check(*args)
    elif command == "row":
        row(args[0], args[1], args[2], args[3] == "1")
        finish()
    else:
        sys.exit("unknown command " + command)


if __name__ == "__main__":
    main()
