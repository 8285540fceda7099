"""The Spark job (examples/spark/extract.py) on Spark in local mode with two executors
(`local-cluster[2,1,1024]`: two executor processes of one core each) on the Wikinews
sample: its tables, documents and N-Quads hold the same facts as `kg extract` over the
same articles, and `kg ingest` of its documents gives the store an ingest of the
articles gives."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from conftest import REPO

pyarrow_parquet = pytest.importorskip("pyarrow.parquet", reason="SKIPPED: pyarrow not installed (pip install './python[spark]')")
pytest.importorskip("pyspark", reason="SKIPPED: pyspark not installed (pip install './python[spark]')")

RUN_FACTS = ("ontology#sourcePath>", "ontology#contentHash>", "ontology#ingestedAt>")


@pytest.fixture(scope="module")
def wikinews(tmp_path_factory) -> Path:
    shared = Path(os.environ.get("KG_SHARED", REPO.parent / "shared"))
    texts = shared / "datasets" / "news_wikinews_sample" / "texts"
    if not texts.is_dir():
        pytest.skip(f"SKIPPED: {texts} not found (the Wikinews sample lives in ../shared)")
    path = tmp_path_factory.mktemp("wikinews") / "articles.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for p in sorted(texts.glob("*.txt")):
            out.write(json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8")}, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="module")
def job(wikinews, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("spark") / "out"
    done = subprocess.run(
        [sys.executable, str(REPO / "examples" / "spark" / "extract.py"), str(wikinews), str(out), "--master", "local-cluster[2,1,1024]", "--partitions", "6"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    assert "newskg: extracted 295 articles" in done.stderr, done.stderr[-2000:]
    return out


@pytest.fixture(scope="module")
def expected(kg, wikinews) -> list[dict]:
    return json.loads(kg("extract", "--format", "json", wikinews))["documents"]


def parquet_rows(folder: Path) -> list[dict]:
    return pyarrow_parquet.read_table(folder).to_pylist()


def test_tables_hold_the_facts_of_kg_extract(job, expected):
    assert len(expected) == 295
    entities = parquet_rows(job / "entities")
    assert Counter((e["document"], e["entity"], e["label"], e["type"], e["mentions"]) for e in entities) == Counter(
        (d["id"], e["id"], e["label"], e["type"], len(e.get("mentions", []))) for d in expected for e in d["entities"]
    )
    labels = {(d["id"], e["id"]): e["label"] for d in expected for e in d["entities"]}
    relations = parquet_rows(job / "relations")
    want = Counter(
        (d["id"], labels[(d["id"], r["subject"])], r["predicate"], labels.get((d["id"], r.get("object"))), r.get("literal"), r["start"], r["end"])
        for d in expected
        for r in d["relations"]
    )
    got = Counter((r["document"], r["subject_label"], r["predicate"], r["object_label"], r["literal"], r["start"], r["end"]) for r in relations)
    assert got == want and len(relations) > 500
    quotes = parquet_rows(job / "quotes")
    assert len(quotes) == sum(r["predicate"] == "said" for d in expected for r in d["relations"]) > 50
    mentions = parquet_rows(job / "mentions")
    assert len(mentions) == sum(len(e.get("mentions", [])) for d in expected for e in d["entities"])
    articles = parquet_rows(job / "articles")
    assert len(articles) == 295 and all(a["error"] is None for a in articles)


def test_documents_and_nquads_are_those_of_kg_extract(kg, job, expected, wikinews):
    documents = []
    for part in sorted((job / "documents").glob("part-*.json")):
        documents += [json.loads(line) for line in part.read_text(encoding="utf-8").splitlines() if line.strip()]
    for doc in documents:
        doc.pop("url", None)
    assert sorted(documents, key=lambda d: d["id"]) == sorted(expected, key=lambda d: d["id"])
    lines = kg("extract", "--format", "nquads", wikinews).decode().splitlines()
    want = sorted(line for line in lines if not any(f in line for f in RUN_FACTS))
    got = sorted(line for part in (job / "nquads").glob("part-*.nq") for line in part.read_text(encoding="utf-8").splitlines())
    assert not list((job / "nquads").glob("part-*.txt"))
    assert got == want


def test_kg_ingest_of_the_documents_equals_an_ingest_of_the_articles(kg, job, wikinews, tmp_path):
    kg("ingest", "--store", tmp_path / "direct", wikinews)
    kg("ingest", "--store", tmp_path / "spark", job / "documents")

    def quads(store):
        out = kg("export", "--store", store, "--format", "nquads").decode().splitlines()
        return sorted(line for line in out if not any(f in line for f in RUN_FACTS))

    assert quads(tmp_path / "spark") == quads(tmp_path / "direct")


def test_parquet_articles_with_dates_and_urls(kg, wikinews, tmp_path):
    # Parquet in, with a date column and URLs: the documents carry them as kg reads them.
    import datetime

    import pyarrow as pa

    rows = [json.loads(line) for line in wikinews.read_text(encoding="utf-8").splitlines()[:12]]
    table = pa.table(
        {
            "id": [r["id"] for r in rows],
            "body": [r["text"] for r in rows],
            "published": [datetime.date(2024, 5, 1 + n) for n in range(len(rows))],
            "url": [f"https://example.org/{r['id']}" for r in rows],
        }
    )
    pyarrow_parquet.write_table(table, tmp_path / "articles.parquet")
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, str(REPO / "examples" / "spark" / "extract.py"), str(tmp_path / "articles.parquet"), str(out), "--master", "local[2]"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    records = tmp_path / "records.jsonl"
    records.write_text(
        "".join(json.dumps({"id": r["id"], "text": r["text"], "published": f"2024-05-{1 + n:02d}"}) + "\n" for n, r in enumerate(rows))
    )
    expected = json.loads(kg("extract", "--format", "json", records))["documents"]
    documents = [json.loads(line) for part in sorted((out / "documents").glob("part-*.json")) for line in part.read_text().splitlines()]
    assert [d.pop("url") for d in documents] == [f"https://example.org/{r['id']}" for r in rows]
    assert documents == expected
    quads = "".join(part.read_text() for part in (out / "nquads").glob("part-*.nq"))
    assert quads.count("<http://schema.org/url>") == len(rows)
