#![no_main]
//! The extractor on arbitrary text: no panic, and every offset inside the text.
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

static EXTRACTOR: OnceLock<kg_extract::Extractor> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let ex = EXTRACTOR.get_or_init(kg_extract::Extractor::new);
    let doc = ex.extract("fuzz", &text, None).expect("no date given, no error");
    let len = text.chars().count();
    for e in &doc.entities {
        for m in &e.mentions {
            assert!(m.start < m.end && m.end <= len);
        }
    }
    for r in &doc.relations {
        assert!(r.start <= r.end && r.end <= len);
        assert!(doc.entity(&r.subject).is_some());
        assert!(r.object.as_deref().is_none_or(|o| doc.entity(o).is_some()));
    }
});
