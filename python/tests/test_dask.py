"""The Dask recipe (contrib/dask/webclean_dask.py) on a LocalCluster of two
worker processes writes what the command line writes, byte for byte."""

import filecmp
import gzip
import json
import os
import pathlib
import subprocess
import sys
import uuid

import pytest

from conftest import CORPUS, REPO, read_page

distributed = pytest.importorskip(
    "distributed", reason="the Dask test needs Dask (Debian: apt-get install python3-distributed)"
)
# Put where the workers, started with the spawn method, import it from too.
sys.path.insert(0, str(REPO / "contrib" / "dask"))
import dask  # noqa: E402
import webclean_dask  # noqa: E402

# A site's frame as a text dump shows it on every page: the repetition
# filter drops these lines once it has seen them on three documents.
FRAME_TOP = "Morning Ledger | Home | World | Business | Sport | Opinion\nSign in  Subscribe\n\n"
# Other filters keep this line on some dumps; the repetition filter on none.
FRAME_LINE = "The Morning Ledger is owned by its readers and has reported on the valley since 1921."
FRAME_BOTTOM = "\n\n" + FRAME_LINE + "\n"
# Another site's, on two documents in each of two files: only counts
# across files reach three.
GAZETTE_TOP = "The Valley Gazette | Local | Schools | Obituaries\nLog in to comment\n\n"


def framed(n, dump, files_first_site):
    """Dump n of a file: the Ledger's but for its last two, the Gazette's."""
    if n < files_first_site:
        return "https://ledger.example/story/%d" % n, FRAME_TOP + dump + FRAME_BOTTOM
    return "https://gazette.example/story/%d" % n, GAZETTE_TOP + dump


def cli_binary():
    path = os.environ.get("WEBCLEAN_CLI") or str(REPO / "build" / "webclean")
    if not os.access(path, os.X_OK):
        pytest.skip("no webclean command line at %s (set WEBCLEAN_CLI)" % path)
    return path


def text_dumps():
    """16 text dumps of corpus/text (lynx's renderings of news pages)."""
    paths = [p for p in sorted((CORPUS / "text").glob("*.txt")) if not p.name.endswith(".gold.txt")]
    return [p.read_text(encoding="utf-8") for p in paths[:16]]


def warc_record(kind, record_id, url, block, content_type):
    head = (
        "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\nWARC-Target-URI: %s\r\n"
        "WARC-Date: 2025-03-01T10:00:00Z\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
        % (kind, uuid.UUID(int=record_id), url, content_type, len(block))
    ).encode()
    return head + block + b"\r\n\r\n"


def make_collection(root):
    """Four partitions of the kinds a crawl holds; a broken line and a request record among them."""
    pages = sorted((CORPUS / "readability").glob("*.html.gz"))[:20] + sorted(
        (CORPUS / "trafilatura").glob("*.html.gz")
    )[:20]
    with open(root / "pages.jsonl", "w", encoding="utf-8") as out:
        for n, path in enumerate(pages):
            html = read_page(path).decode("utf-8", "replace")
            record = {"id": "p%d" % n, "url": "https://site%d.example/%s" % (n % 4, path.name),
                      "html": html, "crawl": "2025-03"}
            out.write(json.dumps(record) + "\n")
            if n == 7:
                out.write('{"id": "broken", "html": \n')
            if n == 11:
                out.write("\n")
    (root / "news").mkdir()
    with gzip.open(root / "news" / "dumps.jsonl.gz", "wt", encoding="utf-8") as out:
        for n, dump in enumerate(text_dumps()):
            url, text = framed(n, dump, 14)
            out.write(json.dumps({"url": url, "text": text}) + "\n")
    with open(root / "crawl.warc.gz", "wb") as out:
        wcxb = sorted((CORPUS / "wcxb-dev").glob("*.html.gz"))[:25]
        for n, path in enumerate(wcxb):
            url = "https://shop%d.example/%s" % (n % 3, path.name)
            if n == 5:
                request = b"GET / HTTP/1.1\r\nHost: shop2.example\r\n\r\n"
                out.write(gzip.compress(warc_record("request", 1000 + n, url, request,
                                                    "application/http; msgtype=request")))
            http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + read_page(path)
            out.write(gzip.compress(warc_record("response", n + 1, url, http,
                                                "application/http; msgtype=response")))
    with open(root / "news" / "ledger.wet", "wb") as out:
        for n, dump in enumerate(text_dumps()[:8]):
            url, text = framed(n, dump, 6)
            out.write(warc_record("conversion", 2000 + n, url + "/wet", text.encode(), "text/plain"))


def tree(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def failures_of(lines):
    return sorted((os.path.normpath(f["input"]), f["record"], f["error"])
                  for f in map(json.loads, lines))


@pytest.fixture(scope="module")
def cluster():
    with dask.config.set(webclean_dask.WORKER_ENVIRONMENT), distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        yield client


def test_a_local_cluster_of_two_processes_writes_what_the_command_line_writes(tmp_path, cluster):
    collection = tmp_path / "collection"
    collection.mkdir()
    make_collection(collection)

    cli_out = tmp_path / "cli"
    run = subprocess.run([cli_binary(), "-q", "-o", str(cli_out) + "/", "--errors",
                          str(tmp_path / "cli-errors.jsonl"), str(collection)],
                         capture_output=True, text=True)
    assert run.returncode == 1, run.stderr  # the broken line

    dask_out = tmp_path / "dask"
    summaries = webclean_dask.run(cluster, [str(collection)], str(dask_out), webclean_dask.Settings())
    assert not webclean_dask.report(summaries, str(tmp_path / "dask-errors.jsonl"))

    assert tree(dask_out) == tree(cli_out) == ["crawl.jsonl", "news/dumps.jsonl",
                                                "news/ledger.jsonl", "pages.jsonl"]
    for name in tree(cli_out):
        assert filecmp.cmp(cli_out / name, dask_out / name, shallow=False), name
    cli_errors = (tmp_path / "cli-errors.jsonl").read_text().splitlines()
    dask_errors = (tmp_path / "dask-errors.jsonl").read_text().splitlines()
    assert failures_of(dask_errors) == failures_of(cli_errors)
    assert [f[1] for f in failures_of(dask_errors)] == ["9"]  # the broken line, by its number

    # Every record is there: 40 pages, 16 + 8 dumps, 25 responses (not the request).
    assert sum(s["written"] for s in summaries) == 40 + 16 + 8 + 25
    assert sum(s["skipped"] for s in summaries) == 2  # the blank line and the request
    # The repetition filter took each site's frame from the dumps, the
    # Gazette's by its counts over both files.
    dumps = [json.loads(line) for name in ("dumps.jsonl", "ledger.jsonl")
             for line in (dask_out / "news" / name).open()]
    assert not any(FRAME_LINE in d["text"] for d in dumps)
    assert all(d["text"] for d in dumps)
    # The Gazette's two documents in each file are counted together.
    repeats = webclean_dask.merged_repeats(
        cluster, [str(collection / "news" / "dumps.jsonl.gz"), str(collection / "news" / "ledger.wet")],
        webclean_dask.Settings()).result()
    assert repeats.documents("gazette.example", "Log in to comment") == 4
    assert repeats.documents("ledger.example", FRAME_LINE) == 14 + 6

    # One Cleaner per worker process, built once for all its partitions.
    assert sorted(cluster.run(lambda dask_worker: dask_worker.webclean_cleaners_built).values()) == [1, 1]


def test_a_rerun_skips_finished_partitions_and_force_redoes_them(tmp_path, cluster):
    collection = tmp_path / "collection"
    collection.mkdir()
    make_collection(collection)
    out = tmp_path / "out"
    first = webclean_dask.run(cluster, [str(collection)], str(out), webclean_dask.Settings())
    before = {name: (out / name).stat().st_mtime_ns for name in tree(out)}
    again = webclean_dask.run(cluster, [str(collection)], str(out), webclean_dask.Settings())
    assert all(s.get("done") for s in again)
    assert {name: (out / name).stat().st_mtime_ns for name in tree(out)} == before
    forced = webclean_dask.run(cluster, [str(collection)], str(out),
                               webclean_dask.Settings(force=True))
    assert [s["written"] for s in forced] == [s["written"] for s in first]
    assert not any(name.startswith(".") for name in tree(out))  # no temporary left


def test_the_repetition_filter_can_be_turned_off_as_on_the_command_line(tmp_path, cluster):
    collection = tmp_path / "collection"
    collection.mkdir()
    make_collection(collection)
    dumps = collection / "news" / "dumps.jsonl.gz"
    cli_out = tmp_path / "cli"
    subprocess.run([cli_binary(), "-q", "--no-repeats", "-o", str(cli_out) + "/", str(dumps)],
                   check=True)
    dask_out = tmp_path / "dask"
    webclean_dask.run(cluster, [str(dumps)], str(dask_out), webclean_dask.Settings(repeats=False))
    assert (dask_out / "dumps.jsonl").read_bytes() == (cli_out / "dumps.jsonl").read_bytes()
    assert FRAME_LINE in (dask_out / "dumps.jsonl").read_text()


def test_the_command_line_of_the_recipe_reports_a_missing_input_and_writes_the_rest(tmp_path):
    make_collection(tmp_path)
    run = subprocess.run(
        [sys.executable, str(REPO / "contrib" / "dask" / "webclean_dask.py"), "--workers", "2",
         "-q", "-o", str(tmp_path / "out"), str(tmp_path / "news" / "ledger.wet"),
         str(tmp_path / "missing.jsonl")],
        capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)))
    assert run.returncode == 1
    assert "missing.jsonl: No such file or directory" in run.stderr
    assert len((tmp_path / "out" / "ledger.jsonl").read_text().splitlines()) == 8
