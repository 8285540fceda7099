"""Documents as graphs: a networkx multigraph after cross-document resolution, and the
RDF ``kg extract`` gives as an rdflib dataset."""

from __future__ import annotations

import json
from typing import Any

from . import _newskg
from ._documents import documents


def _json(docs: Any) -> str:
    return json.dumps(documents(docs), ensure_ascii=False)


def networkx_graph(nodes: list, edges: list) -> Any:
    """A ``networkx.MultiDiGraph`` from ``(iri, attributes)`` nodes and ``(source, target,
    key, attributes)`` edges."""
    import networkx as nx

    graph = nx.MultiDiGraph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from(edges)
    return graph


def to_networkx(docs: Any) -> Any:
    """The network of documents as a ``networkx.MultiDiGraph``: the documents ingested
    together as ``kg ingest`` does (entities resolved across them), nodes keyed by entity
    IRI, one edge per relation between entities, keys ``e0``, ``e1``, … The attributes are
    those of ``kg export --format graphml``: nodes ``label``, ``type``, ``documents``; edges
    ``predicate``, ``family``, ``documents``, ``weight``, ``confidence``, ``goldstein``,
    ``first_date``, ``last_date``, ``sentence``."""
    nodes, edges = _newskg.network(_json(docs))
    return networkx_graph(nodes, edges)


def to_nquads(docs: Any, *, urls: list[str | None] | None = None) -> str:
    """The documents' RDF as N-Quads: what ``kg extract --format nquads`` prints for the
    same articles, less ``kg:sourcePath`` and ``kg:contentHash`` (facts about the input
    file, which a document from :func:`extract` does not carry). ``urls``, one per
    document, add each article's ``schema:url``."""
    return _newskg.nquads(_json(docs), urls)


def to_rdflib(docs: Any) -> Any:
    """The documents' RDF as an ``rdflib.Dataset``, one named graph per document: the
    quads of :func:`to_nquads`."""
    import rdflib

    dataset = rdflib.Dataset()
    dataset.parse(data=to_nquads(docs), format="nquads")
    return dataset
