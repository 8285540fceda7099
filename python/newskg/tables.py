"""Documents as pandas DataFrames: entities, mentions and relations, each row with the
document and offsets it comes from."""

from __future__ import annotations

from typing import Any, NamedTuple

from ._documents import documents

#: Columns of each table, in order.
ENTITY_COLUMNS = ["document", "entity", "label", "type", "aliases", "wikidata", "mentions"]
MENTION_COLUMNS = ["document", "entity", "label", "type", "start", "end"]
RELATION_COLUMNS = [
    "document", "published", "subject", "subject_label", "subject_type", "predicate", "object", "object_label",
    "object_type", "literal", "title", "date", "cameo", "code", "goldstein", "modality", "confidence", "sentence",
    "start", "end",
]  # fmt: skip


class Tables(NamedTuple):
    """The three tables of :func:`to_pandas`."""

    #: One row per entity of each document.
    entities: Any
    #: One row per mention (character offsets into the document's text).
    mentions: Any
    #: One row per relation or quotation (``predicate == "said"``, the quotation in ``literal``).
    relations: Any


def to_pandas(docs: Any) -> Tables:
    """Entities, mentions and relations of documents (from :func:`extract` or
    :func:`extract_many`) as three pandas DataFrames with provenance columns: the
    document id, the entity ids local to it, the sentence and its character offsets.

    Labels and types are the document's own; :func:`to_networkx` and :class:`Store` give
    the graph after cross-document resolution.
    """
    import pandas as pd

    entity_rows, mention_rows, relation_rows = [], [], []
    for doc in documents(docs):
        by_id = {e["id"]: e for e in doc["entities"]}
        for e in doc["entities"]:
            mentions = e.get("mentions", [])
            entity_rows.append(
                [doc["id"], e["id"], e["label"], e["type"], list(e.get("aliases", [])), e.get("wikidata"), len(mentions)]
            )
            for m in mentions:
                mention_rows.append([doc["id"], e["id"], e["label"], e["type"], m["start"], m["end"]])
        for r in doc["relations"]:
            subject = by_id.get(r["subject"], {})
            target = by_id.get(r.get("object"), {}) if r.get("object") else {}
            relation_rows.append(
                [
                    doc["id"], doc.get("published"), r["subject"], subject.get("label"), subject.get("type"),
                    r["predicate"], r.get("object"), target.get("label"), target.get("type"), r.get("literal"),
                    r.get("title"), r.get("date"), r.get("cameo"), r.get("code"), r.get("goldstein"),
                    r.get("modality"), r["confidence"], r["sentence"], r["start"], r["end"],
                ]
            )  # fmt: skip
    entities = pd.DataFrame(entity_rows, columns=ENTITY_COLUMNS)
    mentions = pd.DataFrame(mention_rows, columns=MENTION_COLUMNS)
    relations = pd.DataFrame(relation_rows, columns=RELATION_COLUMNS)
    for frame, columns in ((entities, ["mentions"]), (mentions, ["start", "end"]), (relations, ["start", "end"])):
        for c in columns:
            frame[c] = frame[c].astype("int64")
    relations["confidence"] = relations["confidence"].astype("float64")
    relations["goldstein"] = relations["goldstein"].astype("float64")
    return Tables(entities, mentions, relations)
