//! `kg extract`: print the extraction of articles.

use std::io::Write;

use anyhow::{Context, Result};
use kg_extract::{Extraction, Extractor};
use kg_graph::{content_hash, document_quads, DocumentMeta};

use crate::cli::{ExtractArgs, ExtractFormat};

/// Runs `kg extract`.
pub fn run(args: ExtractArgs) -> Result<()> {
    let extractor = Extractor::new();
    let inputs = kg_input::collect(&args.files)?;
    let mut articles = Vec::new();
    if inputs.stdin {
        articles.push(kg_input::read_stdin()?);
    }
    for f in &inputs.files {
        for record in kg_input::read_path(f)? {
            // A bad JSON Lines record is reported; the others are still extracted.
            match record {
                Ok(a) => articles.push(a),
                Err(e) => eprintln!("kg: warning: {e}"),
            }
        }
    }
    let mut extraction = Extraction::default();
    for a in &articles {
        let published = args.published.as_deref().or(a.published.as_deref());
        let mut doc = extractor.extract(&a.id, &a.text, published).with_context(|| a.source.clone())?;
        if a.title.is_some() {
            doc.title = a.title.clone();
        }
        extraction.documents.push(doc);
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        ExtractFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &extraction)?;
            writeln!(out)?;
        }
        ExtractFormat::Turtle | ExtractFormat::Ntriples | ExtractFormat::Nquads => {
            let mut quads = Vec::new();
            for (doc, a) in extraction.documents.iter().zip(&articles) {
                let meta = DocumentMeta {
                    source: Some(a.source.clone()),
                    content_hash: content_hash(&a.text),
                    ingested_at: None,
                    url: a.url.clone(),
                };
                quads.extend(document_quads(doc, &meta));
            }
            if matches!(args.format, ExtractFormat::Nquads) {
                kg_graph::export::write_quads(&quads, &mut out)?;
            } else {
                kg_graph::export::write_triples(&quads, matches!(args.format, ExtractFormat::Turtle), &mut out)?;
            }
        }
    }
    out.flush()?;
    Ok(())
}
