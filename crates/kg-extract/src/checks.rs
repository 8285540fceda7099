//! Invariants of extraction on arbitrary input, shared by the fuzz target and the test
//! that replays its corpus.

use crate::Extractor;

/// Extracts `data` (lossy UTF-8) and panics when an invariant breaks: offsets inside the
/// text, relation ends that exist.
pub fn extract_invariants(ex: &Extractor, data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let doc = ex.extract("fuzz", &text, None).expect("no date given, no error");
    let len = text.chars().count();
    for e in &doc.entities {
        for m in &e.mentions {
            assert!(m.start < m.end && m.end <= len, "mention {m:?} outside the text");
        }
    }
    for r in &doc.relations {
        assert!(r.start <= r.end && r.end <= len, "evidence outside the text");
        assert!(doc.entity(&r.subject).is_some(), "no subject {}", r.subject);
        assert!(r.object.as_deref().is_none_or(|o| doc.entity(o).is_some()), "no object");
    }
}
