"""Shared fixtures: documents of the repository's corpus/ (gzipped pages)."""

import gzip
import os
import pathlib

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpus"


def read_page(path):
    with gzip.open(path, "rb") as f:
        return f.read()


def corpus_pages(count):
    """`count` pages (bytes) of corpus/readability and corpus/trafilatura, by name."""
    paths = sorted((CORPUS / "readability").glob("*.html.gz")) + sorted(
        (CORPUS / "trafilatura").glob("*.html.gz")
    )
    assert len(paths) >= count, "corpus/ has fewer than %d pages" % count
    return [read_page(p) for p in paths[:count]]


@pytest.fixture(scope="session")
def forty_pages():
    return corpus_pages(40)


@pytest.fixture(scope="session")
def readability_page():
    """A blog post of corpus/readability with its expected text and metadata."""
    base = CORPUS / "readability" / "001"
    return {
        "html": read_page(base.with_suffix(".html.gz")),
        "gold": base.with_suffix(".gold.txt").read_text(encoding="utf-8"),
        "meta": __import__("json").loads(base.with_suffix(".meta.json").read_text(encoding="utf-8")),
    }


@pytest.fixture(scope="session")
def cleaner():
    import webclean

    return webclean.Cleaner()


def pytest_report_header(config):
    import webclean

    return "webclean %s from %s" % (webclean.__version__, os.path.dirname(webclean.__file__))
