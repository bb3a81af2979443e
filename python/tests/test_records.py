"""Record streams from Python: the command line's readers of JSON Lines and
WARC files, its output lines, and the repetition filter's index."""

import gzip
import json
import pickle

import pytest

import webclean
from conftest import CORPUS, corpus_pages

STORY = (
    "The council said on Tuesday that the new bridge, which has been delayed for more than two "
    "years, would open to traffic in the spring after the last inspections are complete."
)


def dump(n):
    return "Home\nLocal news\nJoin the mailing list\n\n%s Story %d.\n\nContact the newsroom\n" % (
        STORY, n)


def write_jsonl(path, records, opener=open):
    with opener(path, "wt", encoding="utf-8") as out:
        for record in records:
            out.write(record if isinstance(record, str) else json.dumps(record) + "\n")


def test_a_jsonl_file_yields_its_records_in_order_with_bad_lines_as_errors(tmp_path):
    path = tmp_path / "pages.jsonl.gz"
    pages = corpus_pages(2)
    write_jsonl(path, [{"id": "a", "url": "https://x.example/a", "html": pages[0].decode("utf-8", "replace")},
                       "{nope\n", "\n",
                       {"url": "https://y.example/b", "text": "Plain words.", "lang": "en"}],
                opener=gzip.open)
    records = webclean.open_records(path)
    assert records.format == "jsonl"
    got = list(records)
    assert [r.key for r in got] == ["a", "2", "3", "4"]
    assert got[0].url == "https://x.example/a" and got[0].site == "x.example"
    assert got[0].document.startswith(b"<") and got[0].error == "" and not got[0].skipped
    assert got[1].error.startswith("line 2: invalid JSON")
    assert got[2].skipped and got[2].skip_reason == "blank line"
    assert got[3].kind == "text" and got[3].document == b"Plain words."
    assert records.bytes_read == path.stat().st_size


def test_a_record_cleans_to_the_line_the_command_line_writes(tmp_path, cleaner):
    path = tmp_path / "one.jsonl"
    write_jsonl(path, [{"id": 7, "url": "https://x.example/a", "text": dump(1), "crawl": "2025"}])
    (record,) = webclean.open_records(path)
    result = cleaner.clean_record(record)
    line = json.loads(record.to_jsonl(result))
    assert line["id"] == "7" and line["url"] == "https://x.example/a"
    assert line["crawl"] == "2025"  # other fields pass through
    assert STORY in line["text"]
    assert record.to_jsonl(result).endswith("}\n")


def test_a_warc_file_yields_responses_and_skips_requests(tmp_path, cleaner):
    html = corpus_pages(1)[0]
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html

    def record(kind, number, block, content_type):
        head = ("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:0000-%d>\r\n"
                "WARC-Target-URI: https://z.example/p\r\nContent-Type: %s\r\n"
                "Content-Length: %d\r\n\r\n" % (kind, number, content_type, len(block))).encode()
        return gzip.compress(head + block + b"\r\n\r\n")

    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(record("request", 1, b"GET /p HTTP/1.1\r\n\r\n", "application/http; msgtype=request")
                     + record("response", 2, http, "application/http; msgtype=response"))
    got = list(webclean.open_records(path))
    assert [r.skipped for r in got] == [True, False]
    response = got[1]
    assert response.id == "urn:uuid:0000-2" and response.http_status == 200
    line = json.loads(response.to_jsonl(cleaner.clean_record(response)))
    assert line["warc_record_id"] == "urn:uuid:0000-2" and line["http_status"] == 200
    with pytest.raises(ValueError, match="holds no document"):
        cleaner.clean_record(got[0])


def test_a_file_named_as_neither_format_or_missing_is_refused_by_name(tmp_path):
    (tmp_path / "page.html").write_text("<p>x</p>")
    with pytest.raises(ValueError, match="page.html: not named as JSON Lines"):
        webclean.open_records(tmp_path / "page.html")
    assert list(webclean.open_records(tmp_path / "page.html", format="jsonl"))[0].error
    with pytest.raises(FileNotFoundError) as missing:
        webclean.open_records(tmp_path / "gone.jsonl")
    assert missing.value.filename == str(tmp_path / "gone.jsonl")
    assert webclean.stream_format("a/b.WET.gz") == "warc"
    assert webclean.stream_format("b.ndjson") == "jsonl"
    assert webclean.stream_format("b.html") is None


def test_the_first_pass_reads_text_streams_and_not_warc_files_of_pages():
    assert webclean.first_pass_reads("crawl/part-1.jsonl.gz")
    assert webclean.first_pass_reads("crawl/part-1.WET.gz")
    assert not webclean.first_pass_reads("crawl/part-1.warc.gz")


def test_an_index_of_text_records_drops_a_sites_repeated_frame(tmp_path, cleaner):
    path = tmp_path / "dumps.jsonl"
    write_jsonl(path, [{"url": "https://gazette.example/%d" % n, "text": dump(n)} for n in range(4)]
                + [{"url": "https://gazette.example/page", "html": corpus_pages(1)[0].decode("utf-8", "replace")}])
    index = webclean.RepeatIndex()
    records = list(webclean.open_records(path))
    for record in records:
        assert cleaner.index_record(record, index)
    assert index.documents_added == 4  # the page is not counted
    assert index.documents("gazette.example", "Join the mailing list") == 4
    with_index = cleaner.clean_record(records[0], repeats=index)
    without = cleaner.clean_record(records[0])
    assert "Contact the newsroom" not in with_index.text
    assert STORY in with_index.text and STORY in without.text


def test_indexes_pickle_and_merge_into_the_index_of_the_whole(tmp_path, cleaner):
    path = tmp_path / "dumps.jsonl"
    write_jsonl(path, [{"url": "https://gazette.example/%d" % n, "text": dump(n)} for n in range(5)])
    records = list(webclean.open_records(path))
    whole, first, second = webclean.RepeatIndex(), webclean.RepeatIndex(), webclean.RepeatIndex()
    for n, record in enumerate(records):
        cleaner.index_record(record, whole)
        cleaner.index_record(record, first if n < 2 else second)
    first = pickle.loads(pickle.dumps(first))
    first.merge(pickle.loads(pickle.dumps(second)))
    assert first.documents_added == whole.documents_added == 5
    assert first.documents("gazette.example", "Home") == whole.documents("gazette.example", "Home") == 5
    with pytest.raises(ValueError, match="different minimums"):
        first.merge(webclean.RepeatIndex(min_documents=4))
    with pytest.raises(ValueError, match="not a serialised RepeatIndex"):
        pickle.loads(pickle.dumps(first).replace(b"webclean.RepeatIndex.1", b"webclean.RepeatIndex.9"))
