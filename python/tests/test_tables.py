"""to_pandas gives one row per entity, mention and relation, with provenance, and the
same facts as the CSV exports of a store made from the same article."""

from __future__ import annotations

import csv

import newskg


def test_tables_hold_every_entity_mention_and_relation(samples):
    docs = [newskg.extract(p.read_text(encoding="utf-8"), id=p.stem) for p in samples]
    entities, mentions, relations = newskg.to_pandas(docs)
    assert len(entities) == sum(len(d["entities"]) for d in docs)
    assert len(mentions) == sum(len(e.get("mentions", [])) for d in docs for e in d["entities"])
    assert len(relations) == sum(len(d["relations"]) for d in docs)
    assert set(relations["document"]) == {p.stem for p in samples}
    # Provenance: every relation's offsets point at its sentence in the article.
    texts = {p.stem: p.read_text(encoding="utf-8") for p in samples}
    for row in relations.itertuples():
        if row.predicate != "said":
            assert texts[row.document][row.start : row.end] == row.sentence
    # Mentions point at their entity's names.
    for row in mentions.head(30).itertuples():
        assert texts[row.document][row.start : row.end]
    quotes = relations[relations.predicate == "said"]
    assert quotes["literal"].notna().all() and quotes["object"].isna().all()
    assert str(relations["confidence"].dtype) == "float64" and str(mentions["start"].dtype) == "int64"


def test_tables_match_the_csv_export_of_the_same_article(kg, samples, tmp_path):
    article = samples[0]
    doc = newskg.extract(article.read_text(encoding="utf-8"), id=article.stem)
    entities, _, relations = newskg.to_pandas(doc)
    store = tmp_path / "store"
    kg("ingest", "--store", store, article)
    kg("export", "--store", store, "--format", "csv", "--out", tmp_path / "csv")
    with open(tmp_path / "csv" / "nodes.csv", newline="", encoding="utf-8") as f:
        nodes = {(r["label"], r["type"]) for r in csv.DictReader(f)}
    with open(tmp_path / "csv" / "edges.csv", newline="", encoding="utf-8") as f:
        edges = {(r["source_label"], r["predicate"], r["target_label"]) for r in csv.DictReader(f)}
    assert {(r.label, r.type) for r in entities.itertuples()} == nodes
    between_entities = relations[relations.object.notna()]
    assert set(zip(between_entities.subject_label, between_entities.predicate, between_entities.object_label)) == edges
