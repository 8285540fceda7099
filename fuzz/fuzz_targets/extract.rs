#![no_main]
//! The extractor on arbitrary text: no panic, every offset inside the text, relation ends exist.
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

static EXTRACTOR: OnceLock<kg_extract::Extractor> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    kg_extract::checks::extract_invariants(EXTRACTOR.get_or_init(kg_extract::Extractor::new), data);
});
