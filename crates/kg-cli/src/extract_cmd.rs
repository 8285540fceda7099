//! `kg extract`: print the extraction of articles. Articles are extracted on every core
//! and printed in input order; memory is bounded by the articles in flight, not by the input.

use std::io::Write;

use anyhow::Result;
use kg_extract::Extractor;
use kg_graph::export::StreamWriter;
use kg_graph::{content_hash, document_quads, DocumentMeta};
use kg_input::{Article, ReadOptions};
use oxigraph::io::RdfFormat;
use oxigraph::model::Quad;

use crate::cli::{ExtractArgs, ExtractFormat};
use crate::pipeline::{self, Event, Notice};

/// One document made ready for output by a worker thread.
enum Rendered {
    /// Its JSON, indented for the `documents` array.
    Json(String),
    /// Its quads.
    Quads(Vec<Quad>),
}

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

    fn push(&mut self, rendered: Rendered) -> Result<()> {
        match (self, rendered) {
            (Sink::Json { out, first }, Rendered::Json(text)) => {
                write!(out, "{}\n    {}", if *first { "" } else { "," }, text)?;
                *first = false;
            }
            (Sink::Rdf(w), Rendered::Quads(quads)) => w.write(&quads)?,
            _ => anyhow::bail!("internal error: a document rendered for another output format"),
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

/// Extracts one article and renders it for `format`.
fn render(extractor: &Extractor, args: &ExtractArgs, a: &Article) -> Result<Rendered> {
    let doc = pipeline::document(extractor, a, args.published.as_deref())?;
    Ok(match args.format {
        ExtractFormat::Json => Rendered::Json(serde_json::to_string_pretty(&doc)?.replace('\n', "\n    ")),
        _ => {
            let meta =
                DocumentMeta { source: Some(a.source.clone()), content_hash: content_hash(&a.text), ingested_at: None, url: a.url.clone() };
            Rendered::Quads(document_quads(&doc, &meta))
        }
    })
}

/// Runs `kg extract`.
pub fn run(args: ExtractArgs) -> Result<()> {
    let extractor = Extractor::new().keep_hypothetical(args.reading.keep_hypothetical);
    let inputs = kg_input::collect(&args.files)?;
    let stdout = std::io::stdout();
    let mut sink = Sink::new(args.format, std::io::BufWriter::new(stdout.lock()))?;
    let threads = pipeline::threads(args.threads);
    pipeline::run(
        &inputs,
        ReadOptions { lossy: args.reading.lossy },
        threads,
        |a| render(&extractor, &args, a),
        |event| match event {
            Event::Done { result, .. } => sink.push(result?),
            // A bad JSON Lines record is reported; the others are still extracted.
            Event::Notice(Notice::Warning { message, .. }) => {
                eprintln!("kg: warning: {message}");
                Ok(())
            }
            Event::Notice(Notice::Skipped(e) | Notice::Failed(e)) => Err(e.into()),
            Event::Notice(Notice::InputDone) => Ok(()),
        },
    )?;
    sink.finish()?.flush()?;
    // The process ends here: freeing the lexicons and models piece by piece would only add
    // to a short run's wall time (about a tenth of it).
    std::mem::forget(extractor);
    Ok(())
}
