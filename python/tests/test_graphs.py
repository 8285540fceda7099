"""to_networkx gives the graph of `kg export --format graphml` after `kg ingest` of the
same articles; to_rdflib the quads of `kg extract --format nquads`."""

from __future__ import annotations

from collections import Counter

import networkx as nx
import rdflib

import newskg

#: Facts about the input file, which documents from newskg.extract do not carry.
FILE_FACTS = ("ontology#sourcePath>", "ontology#contentHash>")


def edge_multiset(graph):
    return Counter(
        (u, v, tuple(sorted((k, val) for k, val in data.items() if k != "id"))) for u, v, data in graph.edges(data=True)
    )


def check_same_network(got, expected):
    assert isinstance(got, nx.MultiDiGraph)
    assert dict(got.nodes(data=True)) == dict(expected.nodes(data=True))
    assert edge_multiset(got) == edge_multiset(expected)


def test_networkx_graph_equals_the_graphml_export(kg, shared_texts, tmp_path):
    docs = [newskg.extract(p.read_text(encoding="utf-8"), id=p.stem) for p in shared_texts]
    store = tmp_path / "store"
    kg("ingest", "--store", store, *shared_texts)
    kg("export", "--store", store, "--format", "graphml", "--out", tmp_path / "g.graphml")
    expected = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    got = newskg.to_networkx(docs)
    assert got.number_of_edges() > 10
    check_same_network(got, expected)
    # Resolution across the articles, as kg ingest does it: one node per person.
    labels = [data["label"] for _, data in got.nodes(data=True)]
    assert len(labels) == len(set(zip(labels, (d["type"] for _, d in got.nodes(data=True)))))


def test_store_network_equals_the_graphml_export(kg, sample_store, tmp_path):
    kg("export", "--store", sample_store, "--format", "graphml", "--out", tmp_path / "g.graphml")
    with newskg.Store(sample_store) as store:
        check_same_network(store.to_networkx(), nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True))


def test_rdflib_dataset_equals_kg_extract_nquads(kg, samples):
    docs = [newskg.extract(p.read_text(encoding="utf-8"), id=p.stem) for p in samples]
    lines = kg("extract", "--format", "nquads", *samples).decode().splitlines()
    kept = [line for line in lines if not any(fact in line for fact in FILE_FACTS)]
    assert len(kept) < len(lines)
    assert sorted(newskg.to_nquads(docs).splitlines()) == sorted(kept)
    expected = rdflib.Dataset()
    expected.parse(data="\n".join(kept), format="nquads")
    got = newskg.to_rdflib(docs)
    assert len(got) == len(expected) and len(got) > 100
    as_set = lambda ds: {(s, p, o, g) for s, p, o, g in ds.quads((None, None, None, None))}  # noqa: E731
    assert as_set(got) == as_set(expected)
    assert {str(c.identifier) for c in got.graphs()} >= {f"https://w3id.org/newskg/doc/{p.stem}" for p in samples}
