//! Evaluation, apart from the extraction runtime: the extraction contract's scoring (a
//! port of `score.py`), the graph scoring of `score_graph.py`, the recogniser on CoNLL files,
//! and the CoNLL04 relation benchmark. The `kg eval` commands call it.

#![deny(missing_docs)]

pub mod conll04;
pub mod graph_scoring;
pub mod ner_scores;
pub mod scoring;
