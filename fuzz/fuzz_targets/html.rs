#![no_main]
//! The HTML reader on arbitrary markup.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let _ = kg_input::html::article("fuzz", "fuzz.html", &html);
});
