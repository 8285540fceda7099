"""Articles from Python values: what ``extract`` and ``extract_many`` accept.

Every input becomes a JSON record that the Rust side reads exactly as ``kg`` reads a
line of a JSON Lines file (``id``, ``text`` or ``body``, ``title``, ``published`` or
``date``, ``url``, ``source``), so that an article gives the same document here as in
``kg extract``. A bad input becomes an exception object, raised at its place in the
output, so that the articles before it are not lost.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from typing import Any

#: What an article may be.
ARTICLE_TYPES = "str, UTF-8 bytes, or a mapping with 'text' (or 'body')"


def text_of(value: Any, where: str) -> str:
    """The text of ``value`` (``str``, or bytes decoded as UTF-8), or a clear error."""
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        data = bytes(value)
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as e:
            raise ValueError(f"{where}: the text is not UTF-8: invalid byte 0x{data[e.start]:02x} at offset {e.start}") from None
    if value is None:
        raise TypeError(f"{where}: None is not an article (expected {ARTICLE_TYPES})")
    raise TypeError(f"{where}: a {type(value).__name__} is not an article (expected {ARTICLE_TYPES})")


def date_text(value: Any, where: str) -> str | None:
    """A publication date as text: ``date`` and ``datetime`` objects as ISO dates."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"{where}: published must be a str or a date, not {type(value).__name__}")


def _plain(value: Any) -> Any:
    """JSON for the values records hold besides the text (dates as ISO text)."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    raise TypeError(f"a {type(value).__name__} cannot be part of a record")


def record_json(item: Any, position: int) -> str | BaseException:
    """The JSON record of input ``item`` (1-based ``position``), or the exception it deserves."""
    where = f"record {position}"
    try:
        if isinstance(item, Mapping):
            record = dict(item)
            for key in ("text", "body"):
                if key in record and record[key] is not None:
                    record[key] = text_of(record[key], where)
            for key in ("published", "date"):
                if key in record:
                    record[key] = date_text(record[key], where)
            return json.dumps(record, ensure_ascii=False, default=_plain)
        return json.dumps({"text": text_of(item, where)}, ensure_ascii=False)
    except (TypeError, ValueError) as e:
        if str(e).startswith(where):
            return e
        return type(e)(f"{where}: {e}")
