"""Extraction on Apache Spark: a DataFrame of articles in, DataFrames of documents,
entities, mentions, relations and quotes out, and the documents' RDF as N-Quads.

Each Python worker process that Spark starts keeps one extractor (loaded on its first
batch, then reused for every batch and task it runs); articles go to Rust in Arrow
batches (``mapInArrow``), never one row at a time.

>>> from newskg import spark as nks
>>> documents = nks.extract_documents(articles)      # id, text[, published, title, url]
>>> tables = nks.tables(documents)                    # entities, mentions, relations, quotes
>>> tables.relations.groupBy("predicate").count().show()

``extract_documents`` keeps each document as the contract's JSON (column ``document``),
so that ``kg ingest`` can resolve entities across the whole corpus on one machine (see
``write_outputs`` and ``examples/spark/extract.py``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

#: The columns of :func:`extract_documents`'s DataFrame.
DOCUMENT_COLUMNS = "seq long, id string, published string, title string, url string, document string, nquads string, error string"

#: Input columns, and the other names they may have (as `kg` reads JSON Lines).
ARTICLE_COLUMNS = {
    "id": ("id", "newid"),
    "text": ("text", "body"),
    "published": ("published", "date", "datePublished"),
    "title": ("title", "headline"),
    "url": ("url",),
}


class SparkTables(NamedTuple):
    """The tables of :func:`tables`, with the columns of :func:`newskg.to_pandas` (and quotes)."""

    entities: Any
    mentions: Any
    relations: Any
    quotes: Any


def _article_columns(articles: Any) -> Any:
    """``articles`` with the columns seq (the input order), id, text, published, title, url
    (strings; null where absent)."""
    from pyspark.sql import functions as F

    present = {c.lower(): c for c in articles.columns}
    chosen = [F.monotonically_increasing_id().alias("seq")]
    for name, candidates in ARTICLE_COLUMNS.items():
        found = next((present[c.lower()] for c in candidates if c.lower() in present), None)
        if found is None and name in ("id", "text"):
            raise ValueError(f"the articles need a column {' or '.join(candidates)!r}; they have {articles.columns}")
        if found is None:
            chosen.append(F.lit(None).cast("string").alias(name))
        elif name == "published":
            # Dates and timestamps as ISO dates; text as it is (kg reads many date forms).
            column = articles[found]
            kind = dict(articles.dtypes)[found]
            chosen.append((F.date_format(column, "yyyy-MM-dd") if kind in ("date", "timestamp") else column.cast("string")).alias(name))
        else:
            chosen.append(articles[found].cast("string").alias(name))
    return articles.select(*chosen)


def _extract_batches(threads: int, keep_hypothetical: bool):
    """The function each Spark task runs over its partition's Arrow batches."""

    def run(batches: Iterator[Any]) -> Iterator[Any]:
        import pyarrow as pa

        from newskg import _newskg
        from newskg._records import record_of

        for batch in batches:
            rows = batch.to_pylist()
            fields = [{k: v for k, v in r.items() if v is not None and k != "seq"} for r in rows]
            records = [record_of(f, n + 1) for n, f in enumerate(fields)]
            # Python-side refusals (a text that is not a string, …) are errors of their rows.
            ready = [{} if isinstance(r, BaseException) else r for r in records]
            done = _newskg.extract_batch(ready, [r.get("url") for r in rows], threads, keep_hypothetical)
            out: dict[str, list] = {k: [] for k in ("seq", "id", "published", "title", "url", "document", "nquads", "error")}
            for row, record, (doc_id, published, title, document, quads, error) in zip(rows, records, done):
                if isinstance(record, BaseException):
                    error = str(record)
                if error is not None:
                    # "record N: why" (N counts within the batch): named by the article's id instead.
                    why = error.split(": ", 1)[-1] if error.startswith("record ") else error
                    doc_id, published, title, document, quads, error = "", None, None, None, None, f"{row['id']}: {why}"
                out["seq"].append(row["seq"])
                out["id"].append(doc_id or row["id"])
                out["published"].append(published)
                out["title"].append(title)
                out["url"].append(row.get("url"))
                out["document"].append(document)
                out["nquads"].append(quads)
                out["error"].append(error)
            yield pa.RecordBatch.from_pydict(out)

    return run


def extract_documents(articles: Any, *, partitions: int | None = None, threads: int = 1, keep_hypothetical: bool = False) -> Any:
    """Extracts a DataFrame of articles (columns ``id`` and ``text`` — or ``body`` —, and
    optionally ``published``, ``title``, ``url``) on the executors, in ``partitions``
    partitions (default: as the articles are partitioned).

    Returns a DataFrame with one row per article: ``seq`` (its place in the input),
    ``id``, ``published``, ``title``, ``url``, ``document`` (the contract's JSON, exactly as
    ``newskg.extract`` and ``kg extract`` give it), ``nquads`` (its RDF, as ``kg extract
    --format nquads``) and ``error`` (why an article gave no document; null otherwise).
    ``threads`` is the number of extraction threads per task: Spark already runs one task
    per core, so 1 is right unless tasks have fewer cores than the executor.
    """
    normalised = _article_columns(articles)
    if partitions:
        # After numbering the articles, so that seq is the input order.
        normalised = normalised.repartition(partitions)
    return normalised.mapInArrow(_extract_batches(threads, keep_hypothetical), DOCUMENT_COLUMNS)


def contract_schema() -> Any:
    """The Spark schema of a contract document."""
    from pyspark.sql import types as T

    s, d, i = T.StringType(), T.DoubleType(), T.IntegerType()
    span = T.StructType([T.StructField("start", i), T.StructField("end", i)])
    entity = T.StructType(
        [
            T.StructField("id", s), T.StructField("label", s), T.StructField("type", s),
            T.StructField("aliases", T.ArrayType(s)), T.StructField("mentions", T.ArrayType(span)),
            T.StructField("wikidata", s),
        ]
    )  # fmt: skip
    relation = T.StructType(
        [
            T.StructField(name, kind)
            for name, kind in [
                ("subject", s), ("predicate", s), ("object", s), ("literal", s), ("date", s), ("title", s),
                ("cameo", s), ("code", s), ("goldstein", d), ("modality", s), ("confidence", d), ("sentence", s),
                ("start", i), ("end", i),
            ]
        ]
    )  # fmt: skip
    return T.StructType(
        [
            T.StructField("id", s), T.StructField("published", s), T.StructField("title", s),
            T.StructField("entities", T.ArrayType(entity)), T.StructField("relations", T.ArrayType(relation)),
        ]
    )  # fmt: skip


def _parsed(documents: Any) -> Any:
    """The extracted rows of :func:`extract_documents`'s DataFrame with their document
    parsed (column ``d``), beside ``seq``, ``published`` and ``url``."""
    from pyspark.sql import functions as F

    return documents.where(F.col("document").isNotNull()).select(
        "seq", F.from_json("document", contract_schema()).alias("d"), "published", "url"
    )


def tables(documents: Any) -> SparkTables:
    """Entities, mentions, relations and quotes of :func:`extract_documents`'s DataFrame,
    with the columns of :func:`newskg.to_pandas` (quotes: ``document``, ``speaker``,
    ``speaker_type``, ``quote``, ``date``, ``confidence``, ``sentence``, ``start``, ``end``)."""
    return _tables_of(_parsed(documents))


def _tables_of(parsed: Any) -> SparkTables:
    """The tables of documents parsed by :func:`_parsed`."""
    from pyspark.sql import functions as F

    per_entity = parsed.select(F.col("d.id").alias("document"), F.explode("d.entities").alias("e"))
    entities = per_entity.select(
        "document",
        F.col("e.id").alias("entity"),
        F.col("e.label").alias("label"),
        F.col("e.type").alias("type"),
        F.coalesce(F.col("e.aliases"), F.array().cast("array<string>")).alias("aliases"),
        F.col("e.wikidata").alias("wikidata"),
        # size() of a missing array is null, or -1 in Spark's legacy mode.
        F.greatest(F.coalesce(F.size("e.mentions"), F.lit(0)), F.lit(0)).alias("mentions"),
    )
    mentions = per_entity.select(
        "document", F.col("e.id").alias("entity"), F.col("e.label").alias("label"), F.col("e.type").alias("type"),
        F.explode("e.mentions").alias("m"),
    ).select("document", "entity", "label", "type", F.col("m.start").alias("start"), F.col("m.end").alias("end"))  # fmt: skip
    per_relation = parsed.select("d", "published", F.explode("d.relations").alias("r"))
    # get(): null where no entity has the id (a quotation has no object), in ANSI mode too.
    subject = F.expr("get(filter(d.entities, x -> x.id = r.subject), 0)")
    target = F.expr("get(filter(d.entities, x -> x.id = r.object), 0)")
    relations = per_relation.select(
        F.col("d.id").alias("document"),
        F.col("published"),
        F.col("r.subject").alias("subject"),
        subject["label"].alias("subject_label"),
        subject["type"].alias("subject_type"),
        F.col("r.predicate").alias("predicate"),
        F.col("r.object").alias("object"),
        target["label"].alias("object_label"),
        target["type"].alias("object_type"),
        *[F.col(f"r.{c}").alias(c) for c in ("literal", "title", "date", "cameo", "code", "goldstein", "modality")],
        *[F.col(f"r.{c}").alias(c) for c in ("confidence", "sentence", "start", "end")],
    )
    quotes = relations.where(F.col("predicate") == "said").select(
        "document",
        F.col("subject_label").alias("speaker"),
        F.col("subject_type").alias("speaker_type"),
        F.col("literal").alias("quote"),
        "date", "confidence", "sentence", "start", "end",
    )  # fmt: skip
    return SparkTables(entities, mentions, relations, quotes)


def write_outputs(documents: Any, out: str, *, mode: str = "errorifexists") -> dict[str, int]:
    """Writes what ``examples/spark/extract.py`` writes under directory (or URI) ``out``:

    - ``documents/``: the documents as JSON Lines (``part-*.json``) in input order, for
      ``kg ingest``, which resolves entities across all of them as an ingest of the input
      would (resolution depends on the order: the order of one input file is kept,
      several files come in the order Spark reads them);
    - ``entities/``, ``mentions/``, ``relations/``, ``quotes/``: Parquet tables;
    - ``articles/``: Parquet, one row per article with its ``error`` (null when extracted);
    - ``nquads/``: the documents' RDF, N-Quads partitions (``part-*.nq``), each
      document in its named graph, entities not yet resolved across documents.

    Returns the number of rows of each table. ``documents`` should be cached (it is
    read once per output); the documents are parsed once, and cached while written.
    """
    from pyspark.sql import functions as F

    parsed = _parsed(documents).cache()
    t = _tables_of(parsed)
    good = documents.where(F.col("document").isNotNull())
    # The documents as written by Spark's JSON writer: one object per line, the URL beside
    # the contract's fields (kg ingest keeps it as schema:url).
    parsed.orderBy("seq").select("d.*", "url").write.mode(mode).json(f"{out}/documents")
    for name, frame in (("entities", t.entities), ("mentions", t.mentions), ("relations", t.relations), ("quotes", t.quotes)):
        frame.write.mode(mode).parquet(f"{out}/{name}")
    documents.orderBy("seq").select("id", "published", "title", "url", "error").write.mode(mode).parquet(f"{out}/articles")
    good.orderBy("seq").select("nquads").write.mode(mode).text(f"{out}/nquads")
    _rename_parts(documents.sparkSession, f"{out}/nquads", ".txt", ".nq")
    parsed.unpersist()
    spark = documents.sparkSession
    counts = {name: spark.read.parquet(f"{out}/{name}").count() for name in ("entities", "mentions", "relations", "quotes", "articles")}
    counts["documents"] = spark.read.json(f"{out}/documents").count()
    return counts


def _rename_parts(spark: Any, folder: str, old: str, new: str) -> None:
    """Renames ``part-*{old}`` files of ``folder`` to ``*{new}`` through Hadoop's FileSystem
    (local disks, HDFS and object stores alike): Spark's text writer names every part
    ``.txt``, which `kg ingest` would read as an article."""
    jvm = spark.sparkContext._jvm
    path = jvm.org.apache.hadoop.fs.Path(folder)
    fs = path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    for status in fs.listStatus(path):
        name = status.getPath().getName()
        if name.startswith("part-") and name.endswith(old):
            fs.rename(status.getPath(), jvm.org.apache.hadoop.fs.Path(folder, name[: -len(old)] + new))
