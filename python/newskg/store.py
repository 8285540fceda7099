"""A ``kg`` store opened read-only: SPARQL, entities, exports and the network.

The store is the directory ``kg ingest`` writes (RocksDB, through Oxigraph). It is
opened without a lock, so a notebook can read it while ``kg serve`` serves it; it sees
the store as it was when opened (open it again to see a later ingest). ``pyoxigraph`` of
the same Oxigraph version (0.5) reads the same directory with
``pyoxigraph.Store.read_only(path)``.
"""

from __future__ import annotations

import os
from typing import Any

from . import _newskg
from .graphs import networkx_graph


#: The filter options of :meth:`Store.export` and :meth:`Store.to_networkx`: those of
#: ``kg export`` (``--from`` and ``--to`` as ``from_date`` and ``to_date``).
FILTER_OPTIONS = ("entity", "hops", "predicates", "families", "types", "from_date", "to_date", "document", "top")


def _filter(options: dict[str, Any]) -> dict:
    """The filter options for the Rust side: lists where one name is given, unset ones dropped."""
    unknown = sorted(set(options) - set(FILTER_OPTIONS))
    if unknown:
        raise TypeError(f"unknown filter option {unknown[0]!r} (the options: {', '.join(FILTER_OPTIONS)})")
    chosen = {k: v for k, v in options.items() if v is not None}
    for key in ("predicates", "families", "types"):
        if isinstance(chosen.get(key), str):
            chosen[key] = [chosen[key]]
    return chosen


class Store:
    """A ``kg`` store directory, opened read-only. Use as a context manager or call
    :meth:`close` to release it."""

    def __init__(self, path: str | os.PathLike) -> None:
        self._store = _newskg.Store(os.fspath(path))

    @property
    def path(self) -> str:
        """The store's directory."""
        return os.fspath(self._store.path)

    def __repr__(self) -> str:
        return f"newskg.Store({self.path!r})"

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Closes the store; later calls raise :class:`KgError`."""
        self._store.close()

    def query(self, sparql: str, *, dataframe: bool = False) -> Any:
        """Runs a SPARQL query as ``kg query`` does (the project's prefixes predeclared,
        the documents' union as the default graph).

        SELECT gives a list of dicts, one per solution, every variable a key (``None``
        where unbound), or a pandas DataFrame with ``dataframe=True``; IRIs are strings,
        numbers and booleans Python numbers and booleans, other literals their text. ASK
        gives a ``bool``; CONSTRUCT and DESCRIBE give Turtle text.
        """
        kind, *answer = self._store.query(sparql)
        if kind == "ask":
            return answer[0]
        if kind == "graph":
            return answer[0]
        variables, rows = answer
        if dataframe:
            import pandas as pd

            return pd.DataFrame(rows, columns=variables)
        return [dict(zip(variables, row)) for row in rows]

    def entities(self, search: str = "", *, type: str | None = None, limit: int = 50, dataframe: bool = False) -> Any:
        """Entities as ``kg entities`` lists them, most mentioned first: ``entity``
        (prefixed), ``iri``, ``label``, ``type``, ``aliases`` (a list), ``documents``.
        ``search`` matches labels and aliases; ``type`` is an entity type (``Person``)."""
        rows = self._store.entities(search, type, limit)
        if dataframe:
            import pandas as pd

            return pd.DataFrame(rows, columns=["entity", "iri", "label", "type", "aliases", "documents"])
        return rows

    def merges(self, name: str) -> list[dict]:
        """What the node named ``name`` (a label, an IRI or ``person:…``) took in from other
        documents, as ``kg entities --merges``: ``document``, ``name``, ``method``, ``confidence``."""
        return self._store.merges(name)

    def export(self, format: str = "turtle", *, path: str | os.PathLike | None = None, **filters: Any) -> Any:
        """The store, or the part the filter keeps, in a format of ``kg export``:
        ``turtle``, ``ntriples``, ``rdfxml``, ``nquads``, ``trig``, ``jsonld``, ``dot``,
        ``svg``, ``png`` (bytes), ``graphml``, ``json`` (node-link). With ``path`` it is
        written there (and the path returned).

        Filters (``kg export``'s options): ``entity`` (a label or IRI) and ``hops`` (its
        neighbourhood), ``predicates``, ``families`` and ``types`` (a name or a list),
        ``from_date`` and ``to_date`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``),
        ``document`` (an id), ``top`` (the N entities of highest degree).
        """
        data = self._store.export(format, _filter(filters))
        if path is None:
            return data
        mode = "wb" if isinstance(data, bytes) else "w"
        with open(path, mode, **({} if mode == "wb" else {"encoding": "utf-8"})) as out:
            out.write(data)
        return path

    def to_networkx(self, **filters: Any) -> Any:
        """The store's network (or the part the filters of :meth:`export` keep) as a
        ``networkx.MultiDiGraph`` with the attributes of ``kg export --format graphml``."""
        nodes, edges = self._store.network(_filter(filters))
        return networkx_graph(nodes, edges)

    def document_count(self) -> int:
        """Number of documents in the store."""
        return self._store.document_count()

    def quad_count(self) -> int:
        """Number of quads in the store (the ontology's included)."""
        return self._store.quad_count()
