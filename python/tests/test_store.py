"""Store reads a `kg` store as the kg commands do: query, entities, merges, export."""

from __future__ import annotations

import json
import socket
import subprocess
import time

import pytest

import newskg
from conftest import kg_binary

QUERIES = [
    "SELECT ?leader ?country ?title WHERE { ?s a rdf:Statement ; rdf:subject ?p ; rdf:predicate kg:leaderOf ; "
    "rdf:object ?c ; kg:title ?title . ?p rdfs:label ?leader . ?c rdfs:label ?country } ORDER BY ?leader",
    "SELECT ?type (COUNT(?e) AS ?n) WHERE { ?e a ?type } GROUP BY ?type ORDER BY DESC(?n) ?type",
    "SELECT ?s ?confidence ?date WHERE { ?s kg:confidence ?confidence . OPTIONAL { ?s kg:date ?date } } ORDER BY ?s",
]


def sparql_json_value(binding):
    """A SPARQL JSON results value as Store.query gives it."""
    if binding is None:
        return None
    value, datatype = binding["value"], binding.get("datatype", "")
    if binding["type"] == "bnode":
        return "_:" + value
    local = datatype.rsplit("#", 1)[-1]
    if local in ("integer", "int", "long"):
        return int(value)
    if local in ("decimal", "double", "float"):
        return float(value)
    if local == "boolean":
        return value == "true"
    return value


@pytest.mark.parametrize("query", QUERIES)
def test_query_equals_kg_query(kg, sample_store, query):
    expected = json.loads(kg("query", "--store", sample_store, "--format", "json", query))
    variables = expected["head"]["vars"]
    rows = [{v: sparql_json_value(b.get(v)) for v in variables} for b in expected["results"]["bindings"]]
    with newskg.Store(sample_store) as store:
        got = store.query(query)
        frame = store.query(query, dataframe=True)
    assert got == rows and len(rows) > 0
    assert list(frame.columns) == variables and len(frame) == len(rows)


def test_ask_and_construct(kg, sample_store):
    with newskg.Store(sample_store) as store:
        assert store.query("ASK { ?p kg:leaderOf ?c }") is True
        assert store.query("ASK { ?p kg:leaderOf kg:nothing }") is False
        turtle = store.query("CONSTRUCT { ?p kg:leaderOf ?c } WHERE { ?p kg:leaderOf ?c }")
    expected = kg("query", "--store", sample_store, "CONSTRUCT { ?p kg:leaderOf ?c } WHERE { ?p kg:leaderOf ?c }").decode()
    assert turtle == expected and "kg:leaderOf" in turtle


def test_entities_and_exports_equal_the_kg_commands(kg, sample_store):
    expected = json.loads(kg("entities", "--store", sample_store, "--format", "json", "--limit", "20"))
    with newskg.Store(sample_store) as store:
        got = store.entities(limit=20)
        assert [{k: e[k] for k in ("entity", "label", "type", "aliases", "documents")} for e in got] == expected
        assert store.entities("stubb", type="Person")[0]["label"] == "Alexander Stubb"
        assert store.export("nquads").encode() == kg("export", "--store", sample_store, "--format", "nquads")
        assert store.export("dot", entity="Alexander Stubb").encode() == kg(
            "export", "--store", sample_store, "--format", "dot", "--entity", "Alexander Stubb"
        )
        assert store.document_count() == 3


def test_bad_requests_raise_kg_errors(sample_store, tmp_path):
    with pytest.raises(newskg.KgError, match="no store here"):
        newskg.Store(tmp_path / "missing")
    store = newskg.Store(sample_store)
    with pytest.raises(newskg.KgError, match="SPARQL syntax error"):
        store.query("SELEC ?x")
    with pytest.raises(ValueError, match="unknown export format \"pdf\""):
        store.export("pdf")
    with pytest.raises(newskg.KgError, match="unknown predicate \"likes\""):
        store.export("dot", predicates="likes")
    with pytest.raises(newskg.KgError, match="no entity is named"):
        store.merges("Nobody At All")
    store.close()
    with pytest.raises(newskg.KgError, match="the store is closed"):
        store.query("ASK {}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_store_that_kg_serve_holds_can_be_read(sample_store):
    port = free_port()
    server = subprocess.Popen(
        [str(kg_binary()), "serve", "--store", str(sample_store), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.time() + 30
        while time.time() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        else:
            pytest.fail("kg serve did not start")
        with newskg.Store(sample_store) as store:
            assert store.query("ASK { ?p kg:leaderOf ?c }") is True
    finally:
        server.terminate()
        server.wait(10)


def test_a_reader_survives_an_ingest_into_its_store(kg, samples, shared_texts, tmp_path):
    store_dir = tmp_path / "store"
    kg("ingest", "--store", store_dir, *samples)
    with newskg.Store(store_dir) as store:
        assert store.document_count() == 3
        # A writer adds documents, flushing and compacting files, while the reader is open.
        kg("ingest", "--store", store_dir, *shared_texts)
        # The reader still answers: from what it saw when opened, or, when the writer took
        # files away under it, from the store opened again.
        assert store.document_count() in (3, 3 + len(shared_texts))
        assert store.query("ASK { ?p kg:leaderOf ?c }") is True
        assert store.export("nquads").count("\n") > 900
    with newskg.Store(store_dir) as store:
        assert store.document_count() == 3 + len(shared_texts)


def test_filters_are_those_of_kg_export(kg, sample_store):
    with newskg.Store(sample_store) as store:
        graph = store.to_networkx(entity="Alexander Stubb", hops=1)
        labels = {data["label"] for _, data in graph.nodes(data=True)}
        assert "Alexander Stubb" in labels and "Finland" in labels and len(labels) < 15
        only = store.to_networkx(predicates="leaderOf")
        assert {d["predicate"] for _, _, d in only.edges(data=True)} == {"leaderOf"}
        with pytest.raises(TypeError, match="unknown filter option 'predicate'"):
            store.export("dot", predicate="leaderOf")


def test_pyoxigraph_reads_the_same_store(sample_store):
    # Oxigraph's own Python binding, of the same version, opens a kg store as it is.
    pyoxigraph = pytest.importorskip("pyoxigraph", reason="SKIPPED: pyoxigraph not installed")
    query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    theirs = pyoxigraph.Store.read_only(str(sample_store))
    count = int(next(iter(theirs.query(query)))[0].value)
    with newskg.Store(sample_store) as store:
        assert store.query(query) == [{"n": count}] and count > 900
