"""Extract a corpus of news articles on Apache Spark with newskg.

    spark-submit examples/spark/extract.py ARTICLES OUT [--partitions N] [--threads N]
    python examples/spark/extract.py ARTICLES OUT --master 'local-cluster[2,1,1024]'   # two executors on this machine

ARTICLES is JSON Lines (``.jsonl``, ``.json``; one article per line with ``id`` and
``text`` or ``body``, optionally ``published``, ``title``, ``url``) or Parquet (a file or
folder) with those columns. OUT receives (see ``newskg.spark.write_outputs``):

    OUT/documents/  the documents as JSON Lines: `kg ingest OUT/documents` resolves and
                    stores them exactly as an ingest of the articles would
    OUT/entities/ OUT/mentions/ OUT/relations/ OUT/quotes/ OUT/articles/   Parquet tables
    OUT/nquads/     the documents' RDF (part-*.nq), one named graph per document

Every executor needs newskg installed (``pip install ./python``); on a cluster, ship a
wheel (``pip wheel ./python``) with ``--py-files`` or the cluster's package manager.
"""

from __future__ import annotations

import argparse
import os
import sys
import time


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Extract news articles on Spark with newskg.")
    parser.add_argument("articles", help="JSON Lines or Parquet file or folder (any URI Spark reads)")
    parser.add_argument("out", help="output folder (any URI Spark writes)")
    parser.add_argument("--master", help="Spark master when run with python (spark-submit sets it)")
    parser.add_argument("--partitions", type=int, help="partitions to extract in (default: 4 per core Spark has)")
    parser.add_argument("--threads", type=int, default=1, help="extraction threads per task (default 1: Spark runs a task per core)")
    parser.add_argument("--format", choices=["json", "parquet"], help="input format (default: by extension)")
    parser.add_argument("--keep-hypothetical", action="store_true", help="keep negated, hypothetical and feared events")
    parser.add_argument("--overwrite", action="store_true", help="replace OUT if it exists")
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession

    from newskg import spark as nks

    builder = SparkSession.builder.appName("newskg-extract")
    if args.master:
        builder = builder.master(args.master)
    # Local workers run the Python that runs this job, where newskg is installed (a
    # cluster's PYSPARK_PYTHON, set by its configuration, is left as it is).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    fmt = args.format or ("parquet" if args.articles.rstrip("/").endswith(".parquet") else "json")
    articles = spark.read.parquet(args.articles) if fmt == "parquet" else spark.read.json(args.articles)
    partitions = args.partitions or 4 * spark.sparkContext.defaultParallelism

    started = time.perf_counter()
    documents = nks.extract_documents(articles, partitions=partitions, threads=args.threads, keep_hypothetical=args.keep_hypothetical)
    documents = documents.cache()
    extracted = documents.count()
    elapsed = time.perf_counter() - started
    print(
        f"newskg: extracted {extracted} articles in {elapsed:.1f} s ({extracted / elapsed:.0f} articles/s) "
        f"on {spark.sparkContext.master}, {partitions} partitions",
        file=sys.stderr,
    )
    counts = nks.write_outputs(documents, args.out, mode="overwrite" if args.overwrite else "errorifexists")
    failed = counts["articles"] - counts["documents"]
    print(
        f"newskg: wrote {args.out}: {counts['documents']} documents ({failed} articles failed, see articles/), "
        f"{counts['entities']} entities, {counts['relations']} relations, {counts['quotes']} quotes",
        file=sys.stderr,
    )
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
