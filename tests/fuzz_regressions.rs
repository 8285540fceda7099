//! The minimised fuzzing corpora (`fuzz/corpus/<target>/`) replayed as ordinary tests on
//! stable Rust, so that every input the fuzzers ever kept (and every crash they found,
//! once fixed) is checked on every CI run. The checks are the fuzz targets' own
//! (`kg_extract::checks`, `kg_graph::checks`, `kg_server::checks`).

use std::path::{Path, PathBuf};

fn corpus(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus").join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
    files.sort();
    assert!(!files.is_empty(), "no corpus in {}", dir.display());
    files
}

fn each(target: &str, mut check: impl FnMut(&[u8])) {
    for f in corpus(target) {
        let data = std::fs::read(&f).expect("corpus file");
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&data)));
        assert!(result.is_ok(), "{} fails", f.display());
    }
}

#[test]
fn extractor_corpus() {
    let ex = kg_extract::Extractor::new();
    each("extract", |data| kg_extract::checks::extract_invariants(&ex, data));
}

#[test]
fn html_and_jsonl_corpora() {
    each("html", |data| {
        let _ = kg_input::html::article("fuzz", "fuzz.html", &String::from_utf8_lossy(data));
    });
    each("jsonl", |data| {
        for r in kg_input::jsonl::records(std::io::Cursor::new(data.to_vec()), "fuzz.jsonl".into(), "fuzz".into(), false) {
            let _ = r;
        }
    });
}

#[test]
fn exporter_corpus() {
    let kg = kg_graph::KnowledgeGraph::in_memory().expect("store");
    each("export", |data| kg_graph::checks::export_round_trip(&kg, data));
}

#[test]
fn server_corpus() {
    let doc = kg_extract::Extractor::new().extract("d", kg_server::checks::FUZZ_ARTICLE, None).expect("extract");
    let state = kg_server::checks::fuzz_state(&doc);
    each("server", |data| {
        kg_server::checks::handle_raw(&state, data);
    });
}
