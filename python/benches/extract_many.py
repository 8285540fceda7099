"""Throughput of newskg.extract_many against `kg bench extract`, same articles, same cores.

    python python/benches/extract_many.py ../shared/datasets/news_reuters21578/reuters21578.jsonl \
        --kg target/release/kg --runs 5

Both read the articles into memory first and time extraction only; extract_many's time
includes what a Python user pays on top: the records' trip to Rust and each document made
into Python dictionaries. Runs alternate (one of each per round); prints both medians,
their ratio and the peak RSS of the Python process (ru_maxrss; the records read into
memory included).
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


def kg_run(kg: str, path: str, threads: int | None) -> float:
    """One run of `kg bench extract`: its time in seconds."""
    args = [kg, "bench", "extract", "--runs", "1", path]
    if threads:
        args[3:3] = ["--threads", str(threads)]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    return float(re.search(r"median: ([0-9.]+) s", out).group(1))


def python_run(records: list[dict], threads: int | None) -> tuple[float, int]:
    """One pass of extract_many over the records: (seconds, documents)."""
    started = time.perf_counter()
    documents = 0
    # kg bench skips records without a text; so does this (with a warning, silenced).
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in newskg.extract_many(records, threads=threads, errors="warn"):
            documents += 1
    return time.perf_counter() - started, documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jsonl", help="articles, one JSON record per line")
    parser.add_argument("--kg", default="target/release/kg", help="the kg binary to compare with")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--threads", type=int, default=None, help="threads (default: one per core)")
    args = parser.parse_args()

    with open(args.jsonl, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    # As kg bench loads its extractor before the clock starts.
    newskg.extract("")
    print(f"{len(records)} records, {args.runs} rounds of one `kg bench extract` run and one extract_many pass")
    kg_times, py_times = [], []
    for run in range(1, args.runs + 1):
        # Interleaved, so that both see the same machine (its speed drifts by 20% here).
        kg_seconds = kg_run(args.kg, args.jsonl, args.threads)
        py_seconds, documents = python_run(records, args.threads)
        kg_times.append(kg_seconds)
        py_times.append(py_seconds)
        print(f"  round {run}: kg bench extract {kg_seconds:.3f} s, extract_many {py_seconds:.3f} s ({documents} documents), {kg_seconds / py_seconds:.1%}")
    kg_median, py_median = statistics.median(kg_times), statistics.median(py_times)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"medians: kg bench extract {kg_median:.3f} s, extract_many {py_median:.3f} s ({len(records) / py_median:.0f} records/s)")
    print(f"extract_many / kg bench extract throughput: {kg_median / py_median:.1%}; peak RSS of this process {peak:.0f} MiB")


if __name__ == "__main__":
    main()
