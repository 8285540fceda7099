//! `kg extract`: print the extraction of articles.

use std::io::Write;

use anyhow::{Context, Result};
use kg_extract::{Extraction, Extractor};
use kg_graph::{content_hash, document_quads, DocumentMeta};

use crate::cli::{ExtractArgs, ExtractFormat};
use crate::input;

/// Runs `kg extract`.
pub fn run(args: ExtractArgs) -> Result<()> {
    let extractor = Extractor::new();
    let inputs = input::collect(&args.files)?;
    let mut articles = Vec::new();
    if inputs.stdin {
        articles.push(input::read_stdin()?);
    }
    for f in &inputs.files {
        articles.push(input::read_file(f)?);
    }
    let mut extraction = Extraction::default();
    for a in &articles {
        let doc = extractor.extract(&a.id, &a.text, args.published.as_deref()).with_context(|| a.source.clone())?;
        extraction.documents.push(doc);
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        ExtractFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &extraction)?;
            writeln!(out)?;
        }
        ExtractFormat::Turtle | ExtractFormat::Ntriples => {
            let mut quads = Vec::new();
            for (doc, a) in extraction.documents.iter().zip(&articles) {
                let meta = DocumentMeta { source: Some(a.source.clone()), content_hash: content_hash(&a.text), ingested_at: None };
                quads.extend(document_quads(doc, &meta));
            }
            kg_graph::export::write_triples(&quads, matches!(args.format, ExtractFormat::Turtle), &mut out)?;
        }
    }
    out.flush()?;
    Ok(())
}
