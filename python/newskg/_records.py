"""Articles from Python values: what ``extract`` and ``extract_many`` accept.

Every input becomes a text (``str``) or a record (a ``dict`` of JSON values) that the
Rust side reads exactly as ``kg`` reads a line of a JSON Lines file (``id``, ``text`` or
``body``, ``title``, ``published`` or ``date``, ``url``, ``source``), so that an article
gives the same document here as in ``kg extract``. A bad input becomes an exception
object, raised at its place in the output, so that the articles before it are not lost.
"""

from __future__ import annotations

import datetime
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


def _plain(value: Any, where: str) -> Any:
    """A record's value as JSON: dates as ISO text, other values as they are."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool, list, dict)):
        return value
    raise TypeError(f"{where}: a {type(value).__name__} cannot be part of a record")


#: Values a record may hold as they are.
_JSON_SCALARS = frozenset((str, int, float, bool, type(None)))


def record_of(item: Any, position: int) -> str | dict | BaseException:
    """Input ``item`` (1-based ``position``) as a text or a record, or the exception it deserves."""
    if type(item) is str:
        return item
    if type(item) is dict and all(type(v) in _JSON_SCALARS for v in item.values()):
        # A record of plain values (a parsed JSON Lines line) goes as it is.
        text = item.get("text", item.get("body"))
        if text is None or type(text) is str:
            return item
    where = f"record {position}"
    try:
        if isinstance(item, str):
            return item
        if isinstance(item, Mapping):
            record = {str(k): _plain(v, where) for k, v in item.items()}
            for key in ("text", "body"):
                if record.get(key) is not None:
                    record[key] = text_of(item[key], where)
            for key in ("published", "date"):
                if key in record:
                    record[key] = date_text(item[key], where)
            return record
        return text_of(item, where)
    except (TypeError, ValueError) as e:
        if str(e).startswith(where):
            return e
        return type(e)(f"{where}: {e}")
