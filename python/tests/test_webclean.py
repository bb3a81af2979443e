"""The webclean Python module: cleaning, results, rules, threads, processes."""

import concurrent.futures
import json
import multiprocessing
import os
import pathlib
import pickle
import sys
import threading

import pytest

import webclean
from conftest import CORPUS, corpus_pages

# A page in latin-1 that says so in its <meta charset>.
LATIN1_PAGE = (
    "<html lang=fr><head><meta charset=\"iso-8859-1\"><title>Caf\u00e9 cr\u00e8me</title></head>"
    "<body><article><h1>Caf\u00e9 cr\u00e8me</h1>"
    "<p>Le caf\u00e9 cr\u00e8me est servi tr\u00e8s chaud, avec une mousse \u00e9paisse, "
    "dans une grande tasse \u00e0 la fran\u00e7aise.</p>"
    "<p>On le boit le matin au comptoir, en lisant le journal du jour, avant de partir "
    "travailler.</p></article></body></html>"
)


def first_paragraph(text):
    return text.strip().split("\n\n")[0]


# ---- cleaning --------------------------------------------------------------


def test_an_html_page_comes_back_as_its_article_text(cleaner, readability_page):
    result = cleaner.clean(readability_page["html"], url="https://nicolas.perriault.net/code/2013/x/")
    assert result.ok and result.error == ""
    assert result.input_kind == "html"
    assert result.charset.lower() == "utf-8"
    assert first_paragraph(readability_page["gold"]) in result.text
    # The site's header ("Hi, I'm Nicolas. I code stuff...") is boilerplate.
    assert "I code stuff" not in result.text
    # Markdown and block reports are off unless asked for.
    assert result.markdown == ""
    assert result.blocks == []


def test_a_text_dump_is_cleaned_as_text_when_kind_is_text(cleaner):
    dump = (CORPUS / "text" / "001.txt").read_bytes()
    gold = (CORPUS / "text" / "001.gold.txt").read_text(encoding="utf-8")
    result = cleaner.clean(dump, kind="text")
    assert result.ok
    assert result.input_kind == "text"
    assert first_paragraph(gold) in result.text
    assert "I code stuff" not in result.text


def test_kind_html_forces_html_and_an_unknown_kind_is_a_value_error(cleaner):
    assert cleaner.clean("plain words, no tags", kind="html").input_kind == "html"
    assert cleaner.clean("plain words, no tags", kind=None).input_kind in ("html", "text")
    with pytest.raises(ValueError, match="unknown kind 'pdf'"):
        cleaner.clean("x", kind="pdf")


def test_latin1_bytes_with_a_charset_meta_are_decoded_to_str(cleaner):
    result = cleaner.clean(LATIN1_PAGE.encode("latin-1"))
    assert result.ok
    # WHATWG decoding: iso-8859-1 is read as its superset windows-1252.
    assert result.charset.lower() in ("iso-8859-1", "windows-1252")
    assert "Le caf\u00e9 cr\u00e8me est servi tr\u00e8s chaud" in result.text
    assert result.metadata.title == "Caf\u00e9 cr\u00e8me"


def test_a_str_is_cleaned_as_its_utf8_bytes_whatever_its_meta_says(cleaner):
    from_str = cleaner.clean(LATIN1_PAGE)
    from_bytes = cleaner.clean(LATIN1_PAGE.encode("utf-8"))
    assert from_str.to_dict() == from_bytes.to_dict()
    assert "Le caf\u00e9 cr\u00e8me" in from_str.text


def test_the_charset_of_content_type_decodes_the_bytes(cleaner):
    text = "Съешь же ещё этих мягких булок, да выпей чаю."
    page = ("<p>" + text + " " + text + "</p>").encode("cp1251")
    right = cleaner.clean(page, content_type="text/html; charset=windows-1251")
    assert right.charset.lower() == "windows-1251"
    assert text in right.text
    # A header is believed: the same bytes declared KOI8-R decode otherwise.
    wrong = cleaner.clean(page, content_type="text/html; charset=koi8-r")
    assert wrong.charset.lower() == "koi8-r"
    assert text not in wrong.text


def test_bytearray_and_memoryview_give_the_same_result_as_bytes(cleaner, readability_page):
    html = readability_page["html"]
    expected = cleaner.clean(html).text
    assert cleaner.clean(bytearray(html)).text == expected
    assert cleaner.clean(memoryview(html)).text == expected


def test_other_types_are_a_type_error(cleaner):
    with pytest.raises(TypeError, match="str or bytes"):
        cleaner.clean(42)


def test_metadata_is_read_from_the_page(cleaner, readability_page):
    meta = cleaner.clean(readability_page["html"]).metadata
    assert meta.title == readability_page["meta"]["title"]
    assert meta.headline == "Get your Frontend JavaScript Code Covered"
    assert meta.language == "en"
    assert meta.description == readability_page["meta"]["excerpt"]
    assert meta.page_type == "article"
    assert isinstance(meta.page_type_signals, list)
    for field in ("byline", "author", "date", "site_name", "canonical_url", "image"):
        assert isinstance(getattr(meta, field), str)


def test_a_forced_page_type_is_reported_and_an_unknown_one_is_a_value_error(readability_page):
    meta = webclean.Cleaner(page_type="forum").clean(readability_page["html"]).metadata
    assert meta.page_type == "forum"
    assert meta.page_type_signals == ["forced"]
    assert webclean.Cleaner(page_type="auto").clean(readability_page["html"]).metadata.page_type == "article"
    with pytest.raises(ValueError, match="unknown page_type 'blog'"):
        webclean.Cleaner(page_type="blog")


def test_a_document_over_max_seconds_fails_with_an_error_and_no_text():
    result = webclean.Cleaner(max_seconds=1e-9).clean(LATIN1_PAGE)
    assert not result.ok
    assert "longer than the limit" in result.error
    assert result.text == ""
    assert result.to_dict()["ok"] is False
    with pytest.raises(ValueError):
        webclean.Cleaner(max_seconds=-1)


def test_to_dict_survives_a_json_round_trip(readability_page):
    result = webclean.Cleaner(blocks=True, markdown=True).clean(readability_page["html"])
    d = result.to_dict()
    assert json.loads(json.dumps(d)) == d
    assert d["text"] == result.text and d["markdown"] == result.markdown
    assert d["ok"] is True and d["error"] == ""
    assert d["input_kind"] == "html" and d["charset"] == result.charset
    assert d["metadata"] == result.metadata.to_dict()
    assert d["metadata"]["page_type"] == "article"
    assert d["blocks"] == [b.to_dict() for b in result.blocks]
    assert set(d["blocks"][0]) == {"text", "kind", "heading_level", "kept", "stage", "reason", "path"}


def test_results_pickle_to_equal_results(readability_page):
    result = webclean.Cleaner(blocks=True).clean(readability_page["html"])
    copy = pickle.loads(pickle.dumps(result))
    assert isinstance(copy, webclean.Result)
    assert copy.to_dict() == result.to_dict()
    assert copy.metadata.page_type == "article"


# ---- blocks and Markdown ---------------------------------------------------


def test_blocks_report_every_decision_with_its_stage_and_reason(readability_page):
    result = webclean.Cleaner(blocks=True).clean(readability_page["html"])
    kept = [b for b in result.blocks if b.kept]
    dropped = [b for b in result.blocks if not b.kept]
    assert kept and dropped
    for block in result.blocks:
        assert block.stage and block.kind
        assert isinstance(block.reason, str) and isinstance(block.path, str)
    # The text is made of the kept blocks, in order.
    position = 0
    for block in kept:
        position = result.text.index(block.text, position)
    # The header line the rules drop is in the report with its decision.
    header = [b for b in dropped if "I code stuff" in b.text]
    assert header and header[0].stage
    # The report explains the same run: the text does not change with it.
    assert result.text == webclean.Cleaner().clean(readability_page["html"]).text


def test_markdown_keeps_the_structure_and_the_text_is_unchanged(readability_page):
    plain = webclean.Cleaner().clean(readability_page["html"])
    result = webclean.Cleaner(markdown=True).clean(readability_page["html"])
    assert result.text == plain.text
    assert "```" in result.markdown  # the page's code sample
    assert "\n> " in result.markdown  # its block quote
    assert "](http" not in result.markdown


def test_markdown_links_keep_their_targets_resolved_against_the_url(readability_page):
    result = webclean.Cleaner(markdown=True, markdown_links=True).clean(
        readability_page["html"], url="https://example.com/post"
    )
    assert "[code coverage](http://en.wikipedia.org/wiki/Code_coverage)" in result.markdown
    assert "](https://example.com/code/2013/" in result.markdown  # a relative link, resolved


# ---- rules -----------------------------------------------------------------


def test_an_extra_rule_dir_drops_what_its_rules_name(tmp_path, readability_page):
    (tmp_path / "mine.rules").write_text("[drop-text]\n^Actually I've only found one.*\n", encoding="utf-8")
    before = webclean.Cleaner().clean(readability_page["html"]).text
    after = webclean.Cleaner(rules=str(tmp_path)).clean(readability_page["html"]).text
    assert "Actually I've only found one" in before
    assert "Actually I've only found one" not in after
    # A list of dirs and os.PathLike work too.
    assert webclean.Cleaner(rules=[tmp_path]).clean(readability_page["html"]).text == after


def test_a_bad_rule_file_raises_rule_error_naming_the_file_and_line(tmp_path):
    bad = tmp_path / "broken.rules"
    bad.write_text("[drop]\nclass (unclosed\n", encoding="utf-8")
    with pytest.raises(webclean.RuleError) as caught:
        webclean.Cleaner(rules=str(tmp_path))
    assert str(caught.value).startswith(str(bad) + ":2: ")
    assert "missing )" in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_a_missing_rule_dir_raises_rule_error(tmp_path):
    with pytest.raises(webclean.RuleError, match="not a rule directory"):
        webclean.Cleaner(rules=[str(tmp_path / "nowhere")])


# ---- the Cleaner object ----------------------------------------------------


def test_a_cleaner_shows_and_pickles_as_its_arguments(tmp_path, readability_page):
    (tmp_path / "mine.rules").write_text("[drop-text]\n^Actually I've only found one.*\n", encoding="utf-8")
    cleaner = webclean.Cleaner(rules=str(tmp_path), markdown=True, page_type="article", blocks=True)
    assert cleaner.rules == [str(tmp_path)]
    assert (cleaner.markdown, cleaner.markdown_links, cleaner.page_type, cleaner.blocks) == (
        True, False, "article", True)
    assert repr(cleaner).startswith("webclean.Cleaner(rules=[")
    copy = pickle.loads(pickle.dumps(cleaner))
    assert repr(copy) == repr(cleaner)
    assert copy.clean(readability_page["html"]).to_dict() == cleaner.clean(readability_page["html"]).to_dict()


def test_the_package_has_a_version_and_its_names():
    assert webclean.__version__.count(".") == 2
    assert webclean.Cleaner.__module__ == "webclean"
    assert "article" in webclean.PAGE_TYPES


# ---- threads and processes -------------------------------------------------


def test_a_thread_pool_of_4_gives_the_texts_of_a_serial_loop(cleaner, forty_pages):
    serial = [cleaner.clean(page).text for page in forty_pages]
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(lambda page: cleaner.clean(page).text, forty_pages))
    assert threaded == serial
    assert sum(1 for text in serial if text) >= 38


_worker_cleaner = None


def _init_worker(cleaner):
    global _worker_cleaner
    _worker_cleaner = cleaner


def _clean_in_worker(page):
    return os.getpid(), _worker_cleaner.clean(page).text


def _clean_with(cleaner, page):
    return cleaner.clean(page)


def test_a_process_pool_gives_the_texts_of_a_serial_loop(cleaner, forty_pages):
    serial = [cleaner.clean(page).text for page in forty_pages]
    # spawn: the workers are fresh interpreters, so the Cleaner really goes
    # through pickling (once per worker, by the initializer).
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(
        max_workers=2, mp_context=context, initializer=_init_worker, initargs=(cleaner,)
    ) as pool:
        answers = list(pool.map(_clean_in_worker, forty_pages, chunksize=4))
    assert [text for _, text in answers] == serial
    assert os.getpid() not in {pid for pid, _ in answers}


def test_a_multiprocessing_pool_can_take_the_cleaner_with_each_task_and_return_results(forty_pages):
    cleaner = webclean.Cleaner(markdown=True)
    serial = [cleaner.clean(page).to_dict() for page in forty_pages[:12]]
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        results = pool.starmap(_clean_with, [(cleaner, page) for page in forty_pages[:12]])
    assert all(isinstance(r, webclean.Result) for r in results)
    assert [r.to_dict() for r in results] == serial


def test_clean_releases_the_gil_so_another_thread_counts_meanwhile(cleaner):
    """While one thread is inside clean(), another runs Python code.

    The switch interval is made huge, so a thread that holds the GIL keeps it
    until it blocks: if clean() held the GIL, no increment could happen
    between reading the counter before clean() and after it. The counting
    thread sleeps between increments, which hands the GIL back. Events are
    counted; no duration is asserted."""
    big = "<html><body><article>" + "".join(
        "<p>Paragraph %d of a long article, with enough words in it to count as text.</p>" % i
        for i in range(20000)
    ) + "</article></body></html>"
    count = 0
    stop = threading.Event()
    started = threading.Event()

    def counter():
        nonlocal count
        started.set()
        while not stop.is_set():
            count += 1
            stop.wait(0.0002)  # blocks: releases the GIL

    old_interval = sys.getswitchinterval()
    thread = threading.Thread(target=counter)
    thread.start()
    started.wait()
    try:
        sys.setswitchinterval(1000.0)
        during = []
        for _ in range(5):
            before = count
            result = cleaner.clean(big)
            during.append(count - before)
            assert result.ok
            if sum(during) >= 3:
                break
    finally:
        sys.setswitchinterval(old_interval)
        stop.set()
        thread.join()
    assert sum(during) >= 3, "the counting thread never ran while clean() worked: %r" % during


def test_threads_sharing_one_cleaner_while_another_is_built(readability_page):
    """The Cleaner is immutable: building others meanwhile does not disturb it."""
    shared = webclean.Cleaner()
    expected = shared.clean(readability_page["html"]).text
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
        futures = [pool.submit(shared.clean, readability_page["html"]) for _ in range(12)]
        built = pool.submit(webclean.Cleaner, markdown=True)
        assert all(f.result().text == expected for f in futures)
        assert built.result().markdown
