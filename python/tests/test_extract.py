"""extract and extract_many give the contract JSON `kg extract` prints, in input order,
with clear exceptions for bad input."""

from __future__ import annotations

import json
import threading

import pytest

import newskg


def kg_documents(kg, paths) -> list[dict]:
    return json.loads(kg("extract", "--format", "json", "--threads", "1", *paths))["documents"]


def test_extract_equals_kg_extract_on_the_samples(kg, samples):
    expected = kg_documents(kg, samples)
    got = [newskg.extract(p.read_text(encoding="utf-8"), id=p.stem) for p in samples]
    assert got == expected


def test_extract_equals_kg_extract_on_the_seed_and_dev_articles(kg, shared_texts):
    expected = kg_documents(kg, shared_texts)
    got = [newskg.extract(p.read_text(encoding="utf-8"), id=p.stem) for p in shared_texts]
    assert [d["id"] for d in got] == [d["id"] for d in expected]
    assert got == expected


def test_extract_many_keeps_input_order_whatever_the_threads(kg, shared_texts):
    records = [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in shared_texts] * 3
    one = list(newskg.extract_many(records, threads=1))
    two = list(newskg.extract_many(iter(records), threads=2))
    assert [d["id"] for d in one] == [r["id"] for r in records]
    assert one == two
    assert one[: len(shared_texts)] == kg_documents(kg, shared_texts)


def test_extract_many_reads_records_as_kg_reads_json_lines(kg, tmp_path):
    records = [
        {"id": "a1", "title": "Peru and Chile meet", "text": "Peru met Chile.", "published": "2024-05-01"},
        {"newid": 7, "body": "Kenya criticized Ethiopia.", "date": "26-FEB-1987 15:01:01.79"},
        "Harold Kessler, the mayor of Abernathy, visited Ostrowski on Monday.",
    ]
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r if isinstance(r, dict) else {"text": r}) + "\n" for r in records))
    expected = kg_documents(kg, [path])
    got = list(newskg.extract_many(records))
    assert [d["id"] for d in got] == ["a1", "7", "3"]
    assert [d.get("published") for d in got] == ["2024-05-01", "1987-02-26", None]
    # kg names a record without an id after its file and line; here it is the position.
    expected[2]["id"] = "3"
    assert got == expected


def test_published_dates_may_be_date_objects():
    import datetime

    text = "Peru met Chile on Monday."
    a = newskg.extract(text, published=datetime.date(2024, 5, 1))
    b = newskg.extract(text, published="2024-05-01")
    c = next(newskg.extract_many([{"text": text, "published": datetime.datetime(2024, 5, 1, 12, 0)}]))
    assert a["published"] == b["published"] == "2024-05-01"
    assert a["relations"] == b["relations"] == c["relations"]
    assert a["relations"][0]["date"] == "2024-04-29"


@pytest.mark.parametrize(
    "bad, error, message",
    [
        (None, TypeError, "None is not an article"),
        (b"Peru met \xff Chile.", ValueError, "not UTF-8: invalid byte 0xff at offset 9"),
        (42, TypeError, "a int is not an article"),
        ("x " * (5 << 20), ValueError, "more than one article may be"),
    ],
)
def test_bad_input_raises_a_clear_exception(bad, error, message):
    with pytest.raises(error, match=message):
        newskg.extract(bad)
    # In a stream, the articles before the bad one are still given, then it raises.
    stream = newskg.extract_many(["Peru met Chile.", bad, "Kenya criticized Ethiopia."])
    assert next(stream)["id"] == "1"
    with pytest.raises(error, match=f"record 2: .*{message}"):
        next(stream)


def test_a_bad_date_names_itself():
    with pytest.raises(ValueError, match="invalid publication date \"May 1\""):
        newskg.extract("Peru met Chile.", published="May 1")


def test_errors_warn_skips_bad_articles_and_goes_on():
    with pytest.warns(UserWarning, match="record 2: None is not an article"):
        docs = list(newskg.extract_many(["Peru met Chile.", None, "Kenya criticized Ethiopia."], errors="warn"))
    assert [d["id"] for d in docs] == ["1", "3"]


def test_an_exception_of_the_input_is_raised_at_its_place():
    def articles():
        yield "Peru met Chile."
        raise RuntimeError("the feed broke")

    stream = newskg.extract_many(articles())
    assert next(stream)["id"] == "1"
    with pytest.raises(RuntimeError, match="the feed broke"):
        next(stream)


def test_extract_many_reads_no_further_ahead_than_its_window():
    pulled = []

    def articles():
        for n in range(10_000):
            pulled.append(n)
            yield f"Kenya criticized Ethiopia on day {n}."

    stream = newskg.extract_many(articles(), threads=2)
    for _ in range(10):
        next(stream)
    # 32 articles in flight per thread, whatever the length of the input.
    assert len(pulled) <= 10 + 2 * 32 + 1
    stream.close()


def test_long_texts_are_cut_as_kg_cuts_files():
    text = "\n\n".join(f"Paragraph {n}: Kenya criticized Ethiopia." for n in range(60_000))
    parts = newskg.split_text(text)
    assert len(parts) >= 2
    assert "".join(parts) == text
    assert all(len(p.encode()) <= newskg.PART_BYTES * 2 for p in parts)
    assert all(p.endswith("\n\n") for p in parts[:-1])


def test_extraction_releases_the_gil():
    # Another Python thread keeps running while the extractor works on a long text.
    import time

    text = "Kenya criticized Ethiopia. " * 30_000
    ticks = []
    done = threading.Event()

    def tick():
        while not done.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    t = threading.Thread(target=tick)
    t.start()
    time.sleep(0.05)
    started = time.perf_counter()
    newskg.extract(text)
    ended = time.perf_counter()
    done.set()
    t.join()
    during = [x for x in ticks if started + 0.05 < x < ended - 0.05]
    assert ended - started > 0.2, "the text should take a while to extract"
    assert len(during) > 10
