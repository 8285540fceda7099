#![no_main]
//! Every exporter given hostile labels (quotes, newlines, angle brackets, control and
//! bidirectional characters): RDF output must parse back, the others must not fail.
use std::sync::OnceLock;

use kg_graph::KnowledgeGraph;
use libfuzzer_sys::fuzz_target;

static KG: OnceLock<KnowledgeGraph> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    kg_graph::checks::export_round_trip(KG.get_or_init(|| KnowledgeGraph::in_memory().expect("store")), data);
});
