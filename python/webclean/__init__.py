"""webclean: the clean article text of web pages and text dumps.

    >>> import webclean
    >>> cleaner = webclean.Cleaner()
    >>> result = cleaner.clean(html_bytes, url="https://example.com/a")
    >>> result.text, result.metadata.title

A Cleaner loads its rules once and is immutable: share one between threads
(``clean`` releases the GIL while it works) and pass it to process pools
(it pickles as its constructor arguments and is rebuilt in each worker).
See python/README.md.
"""

from ._webclean import (
    BlockReport,
    Cleaner,
    Metadata,
    Record,
    RecordFile,
    RepeatIndex,
    Result,
    RuleError,
    __version__,
    first_pass_reads,
    open_records,
    stream_format,
)

# Shown as webclean.Cleaner, webclean.RuleError... in reprs and tracebacks
# (pickles name them so too; both names resolve).
for _cls in (BlockReport, Cleaner, Metadata, Record, RecordFile, RepeatIndex, Result, RuleError):
    _cls.__module__ = __name__
del _cls

PAGE_TYPES = (
    "auto",
    "article",
    "forum",
    "product",
    "collection",
    "listing",
    "documentation",
    "service",
)

__all__ = [
    "BlockReport",
    "Cleaner",
    "Metadata",
    "PAGE_TYPES",
    "Record",
    "RecordFile",
    "RepeatIndex",
    "Result",
    "RuleError",
    "__version__",
    "first_pass_reads",
    "open_records",
    "stream_format",
]
