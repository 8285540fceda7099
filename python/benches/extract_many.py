"""Throughput of newskg.extract_many against `kg bench extract`, same articles, same cores.

    python python/benches/extract_many.py ../shared/datasets/news_reuters21578/reuters21578.jsonl \
        --kg target/release/kg --runs 3

Both read the articles into memory first and time extraction only; extract_many's time
includes what a Python user pays on top: the records' trip to Rust, each document's JSON
and `json.loads` into dictionaries. Prints both medians, the ratio and the peak RSS of the
Python process (ru_maxrss).
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import statistics
import subprocess
import time
import warnings

import newskg


def kg_median(kg: str, path: str, runs: int, threads: int | None) -> float:
    args = [kg, "bench", "extract", "--runs", str(runs), path]
    if threads:
        args[3:3] = ["--threads", str(threads)]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    print(out.rstrip())
    return float(re.search(r"median: ([0-9.]+) s", out).group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jsonl", help="articles, one JSON record per line")
    parser.add_argument("--kg", default="target/release/kg", help="the kg binary to compare with")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--threads", type=int, default=None, help="threads (default: one per core)")
    args = parser.parse_args()

    with open(args.jsonl, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    kg_seconds = kg_median(args.kg, args.jsonl, args.runs, args.threads)

    print(f"newskg.extract_many: {len(records)} records, {args.runs} runs")
    # As kg bench loads its extractor before the clock starts.
    newskg.extract("")
    times = []
    for run in range(1, args.runs + 1):
        started = time.perf_counter()
        documents = 0
        # kg bench skips records without a text; so does this (with a warning, silenced).
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for _ in newskg.extract_many(records, threads=args.threads, errors="warn"):
                documents += 1
        elapsed = time.perf_counter() - started
        times.append(elapsed)
        print(f"  run {run}: {elapsed:.3f} s, {documents / elapsed:.0f} documents/s")
    py_seconds = statistics.median(times)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"median: {py_seconds:.3f} s, {len(records) / py_seconds:.0f} documents/s; peak RSS {peak:.0f} MiB")
    print(f"extract_many / kg bench extract throughput: {kg_seconds / py_seconds:.1%}")


if __name__ == "__main__":
    main()
