"""newskg: knowledge graphs from news, in Python.

Text goes in; who did what to whom comes out, as the JSON of the extraction contract
(``kg extract --format json``), as pandas DataFrames, a networkx graph, an rdflib
dataset, or a ``kg`` store queried with SPARQL. Extraction runs in Rust, on every core,
with the GIL released.

>>> import newskg
>>> doc = newskg.extract("Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow.")
>>> [e["label"] for e in doc["entities"]]
['China', 'Xi Jinping', 'Russia', 'Vladimir Putin', 'Moscow']
"""

from ._newskg import EXTRACTOR_VERSION, PART_BYTES, KgError, split_text
from .extraction import extract, extract_many
from .graphs import to_networkx, to_nquads, to_rdflib
from .store import Store
from .tables import Tables, to_pandas

__all__ = [
    "EXTRACTOR_VERSION",
    "PART_BYTES",
    "KgError",
    "Store",
    "Tables",
    "extract",
    "extract_many",
    "split_text",
    "to_networkx",
    "to_nquads",
    "to_pandas",
    "to_rdflib",
]
