//! `kg ingest`: extract articles into the store, one named graph per document.

use std::time::Instant;

use anyhow::{Context, Result};
use kg_extract::Extractor;
use kg_graph::{content_hash, DocumentMeta, KnowledgeGraph};

use crate::cli::IngestArgs;
use crate::input::{self, Article};

/// Runs `kg ingest`.
pub fn run(args: IngestArgs) -> Result<()> {
    let started = Instant::now();
    let inputs = input::collect(&args.paths)?;
    let kg = KnowledgeGraph::open(&args.store)?;
    let extractor = Extractor::new();
    for (path, why) in &inputs.skipped {
        eprintln!("kg: warning: skipped {}: {why}", path.display());
    }
    let ingested_at = now_utc();
    let mut documents = 0;
    let mut relations = 0;
    let mut store_one = |a: Article| -> Result<()> {
        let doc = extractor.extract(&a.id, &a.text, args.published.as_deref()).with_context(|| a.source.clone())?;
        let meta =
            DocumentMeta { source: Some(a.source.clone()), content_hash: content_hash(&a.text), ingested_at: Some(ingested_at.clone()) };
        kg.put_document(&doc, &meta).with_context(|| format!("{}: storing", a.source))?;
        documents += 1;
        relations += doc.relations.len();
        Ok(())
    };
    if inputs.stdin {
        store_one(input::read_stdin()?)?;
    }
    for f in &inputs.files {
        store_one(input::read_file(f)?)?;
    }
    kg.flush()?;
    let entities = kg_graph::query::select_rows(&kg, "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e kg:mentionedIn ?d }")?
        .first()
        .and_then(|r| r[0].as_ref().map(kg_graph::query::display_term))
        .unwrap_or_default();
    println!(
        "ingested {documents} document{} ({} skipped) into {}: {entities} entities, {relations} relations, {} triples in store, {:.2} s",
        if documents == 1 { "" } else { "s" },
        inputs.skipped.len(),
        args.store.display(),
        kg.quad_count()?,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The current time as xsd:dateTime in UTC.
fn now_utc() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0) as i64;
    let day = kg_extract::dates::Date::from_unix_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    format!("{}T{:02}:{:02}:{:02}Z", day.iso(), s / 3600, s / 60 % 60, s % 60)
}
