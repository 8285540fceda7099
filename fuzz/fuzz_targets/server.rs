#![no_main]
//! The server's request handling on arbitrary requests: a response, never a panic.
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

static STATE: OnceLock<kg_server::State> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    kg_server::checks::handle_raw(STATE.get_or_init(kg_server::checks::fuzz_state), data);
});
