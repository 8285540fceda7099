//! Prints the contract JSON for text files, without the graph crate:
//! `cargo run -p kg-extract --example extract_json -- FILE...`
use std::path::Path;

fn main() {
    let extractor = kg_extract::Extractor::new();
    let mut out = kg_extract::Extraction::default();
    for arg in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&arg) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{arg}: {e}");
                std::process::exit(1);
            }
        };
        let id = Path::new(&arg).file_stem().and_then(|s| s.to_str()).unwrap_or("doc").to_string();
        match extractor.extract(&id, &text, None) {
            Ok(doc) => out.documents.push(doc),
            Err(e) => {
                eprintln!("{arg}: {e}");
                std::process::exit(1);
            }
        }
    }
    println!("{}", serde_json::to_string_pretty(&out).expect("serialisable"));
}
