#![no_main]
//! The server's request handling on arbitrary requests: a response, never a panic.
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

static STATE: OnceLock<kg_server::State> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let state = STATE.get_or_init(|| {
        let doc = kg_extract::Extractor::new().extract("d", kg_server::checks::FUZZ_ARTICLE, None).expect("extract");
        kg_server::checks::fuzz_state(&doc)
    });
    kg_server::checks::handle_raw(state, data);
});
