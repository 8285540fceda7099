"""Extraction: one article, or many in parallel."""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator
from typing import Any

from . import _newskg
from ._records import date_text, record_of, text_of


def extract(text: str | bytes, *, id: str | None = None, published: Any = None, keep_hypothetical: bool = False) -> dict:
    """Extracts one article: its document as the contract's JSON, as Python objects.

    ``text`` is a ``str`` or UTF-8 ``bytes`` of at most ``PART_BYTES`` (1 MiB; cut longer
    texts with :func:`split_text`). ``id`` names the document (default ``"document"``);
    ``published`` (``"YYYY-MM-DD"`` or a ``date``) resolves relative dates ("on Monday"),
    otherwise a date line at the top of the text does. ``keep_hypothetical`` keeps
    negated, hypothetical and feared events with a ``"modality"``.

    The result is exactly one entry of ``kg extract --format json``'s ``documents``.
    Raises ``TypeError`` or ``ValueError`` for bad input.
    """
    body = text_of(text, "extract")
    date = date_text(published, "extract")
    return _newskg.extract_document(body, "document" if id is None else str(id), date, keep_hypothetical)


def extract_many(
    articles: Iterable[Any],
    *,
    threads: int | None = None,
    keep_hypothetical: bool = False,
    errors: str = "raise",
) -> Iterator[dict]:
    """Extracts many articles on ``threads`` threads (default: one per core), with the GIL
    released, and yields their documents in input order as they are ready.

    ``articles`` is any iterable (a list, a generator, a file's lines parsed as JSON) of
    texts (``str`` or UTF-8 ``bytes``) or records: mappings read as ``kg`` reads JSON Lines
    (``id``, ``text`` or ``body``, ``title``, ``published`` or ``date``, ``url``). A text
    without an id gets its 1-based position. At most 32 articles per thread are in flight,
    so memory stays bounded however long the input.

    ``errors="raise"`` raises at a bad article (after yielding those before it);
    ``errors="warn"`` warns and goes on.
    """
    if errors not in ("raise", "warn"):
        raise ValueError(f"errors must be 'raise' or 'warn', not {errors!r}")
    records = (record_of(item, n) for n, item in enumerate(articles, start=1))
    stream = _newskg.ExtractIter(records, threads, keep_hypothetical)
    while True:
        try:
            doc = next(stream)
        except StopIteration:
            return
        except (TypeError, ValueError) as e:
            if errors == "raise":
                raise
            warnings.warn(str(e), stacklevel=2)
            continue
        yield doc
