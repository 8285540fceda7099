//! `kg extract`: print the extraction of articles, one document at a time so that memory
//! does not grow with the input.

use std::io::Write;

use anyhow::{Context, Result};
use kg_extract::{Document, Extractor};
use kg_graph::export::StreamWriter;
use kg_graph::{content_hash, document_quads, DocumentMeta};
use kg_input::{Article, ReadOptions};
use oxigraph::io::RdfFormat;

use crate::cli::{ExtractArgs, ExtractFormat};

/// Where documents go as they are extracted.
enum Sink<W: Write> {
    Json { out: W, first: bool },
    Rdf(Box<StreamWriter<W>>),
}

impl<W: Write> Sink<W> {
    fn new(format: ExtractFormat, mut out: W) -> Result<Self> {
        let rdf = match format {
            ExtractFormat::Json => {
                write!(out, "{{\n  \"documents\": [")?;
                return Ok(Sink::Json { out, first: true });
            }
            ExtractFormat::Turtle => RdfFormat::Turtle,
            ExtractFormat::Ntriples => RdfFormat::NTriples,
            ExtractFormat::Nquads => RdfFormat::NQuads,
        };
        Ok(Sink::Rdf(Box::new(StreamWriter::new(rdf, out)?)))
    }

    fn push(&mut self, doc: &Document, article: &Article) -> Result<()> {
        match self {
            Sink::Json { out, first } => {
                let text = serde_json::to_string_pretty(doc)?;
                write!(out, "{}\n    {}", if *first { "" } else { "," }, text.replace('\n', "\n    "))?;
                *first = false;
            }
            Sink::Rdf(w) => {
                let meta = DocumentMeta {
                    source: Some(article.source.clone()),
                    content_hash: content_hash(&article.text),
                    ingested_at: None,
                    url: article.url.clone(),
                };
                w.write(&document_quads(doc, &meta))?;
            }
        }
        Ok(())
    }

    fn finish(self) -> Result<W> {
        match self {
            Sink::Json { mut out, first } => {
                write!(out, "{}]\n}}\n", if first { "" } else { "\n  " })?;
                Ok(out)
            }
            Sink::Rdf(w) => Ok(w.finish()?),
        }
    }
}

/// Runs `kg extract`.
pub fn run(args: ExtractArgs) -> Result<()> {
    let extractor = Extractor::new().keep_hypothetical(args.keep_hypothetical);
    let inputs = kg_input::collect(&args.files)?;
    let stdout = std::io::stdout();
    let mut sink = Sink::new(args.format, std::io::BufWriter::new(stdout.lock()))?;
    let one = |a: Article, sink: &mut Sink<_>| -> Result<()> {
        let published = args.published.as_deref().or(a.published.as_deref());
        let mut doc = extractor.extract(&a.id, &a.text, published).with_context(|| a.source.clone())?;
        if a.title.is_some() {
            doc.title = a.title.clone();
        }
        sink.push(&doc, &a)
    };
    if inputs.stdin {
        one(kg_input::read_stdin()?, &mut sink)?;
    }
    for f in &inputs.files {
        let records = kg_input::open_path(f, ReadOptions { lossy: args.lossy })?;
        for w in &records.warnings {
            eprintln!("kg: warning: {w}");
        }
        for record in records {
            // A bad JSON Lines record is reported; the others are still extracted.
            match record {
                Ok(a) => one(a, &mut sink)?,
                Err(e) if e.record => eprintln!("kg: warning: {e}"),
                Err(e) => return Err(e.into()),
            }
        }
    }
    sink.finish()?.flush()?;
    Ok(())
}
