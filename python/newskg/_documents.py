"""Documents in any of the shapes users hold them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any


def documents(docs: Any) -> list[dict]:
    """A list of contract documents from one document, a list or iterable of them, or
    the object ``kg extract --format json`` prints (``{"documents": [...]}``)."""
    if isinstance(docs, Mapping):
        if "documents" in docs:
            return list(docs["documents"])
        if "entities" in docs and "id" in docs:
            return [dict(docs)]
        raise ValueError("not a contract document: it has no 'id' and 'entities', nor 'documents'")
    if isinstance(docs, (str, bytes)) or not isinstance(docs, Iterable):
        raise TypeError(f"expected documents (dicts from newskg.extract), not {type(docs).__name__}")
    out = list(docs)
    for n, d in enumerate(out, start=1):
        if not isinstance(d, Mapping) or "id" not in d or "entities" not in d:
            raise ValueError(f"item {n} is not a contract document (a dict with 'id', 'entities' and 'relations')")
    return out
