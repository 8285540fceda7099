//! Training, apart from the extraction runtime: the word clusters, the part-of-speech
//! tagger and the named-entity recogniser rebuilt deterministically from the public data
//! sets (`kg train`), and the CoNLL readers they learn from. The `kg` binary calls
//! [`training::train_all`]; extraction itself needs none of this crate.

#![deny(missing_docs)]

pub mod clusters;
pub mod conll;
pub mod ner_training;
pub mod perceptron;
pub mod pos;
pub mod training;
