#![no_main]
//! The JSON Lines reader on arbitrary bytes: every line gives an article or an error.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let reader = std::io::Cursor::new(data.to_vec());
    for r in kg_input::jsonl::records(reader, "fuzz.jsonl".into(), "fuzz".into(), false) {
        let _ = r;
    }
});
