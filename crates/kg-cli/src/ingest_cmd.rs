//! `kg ingest`: extract articles into the store, one named graph per document;
//! unchanged documents are skipped, changed ones replaced.

use std::time::Instant;

use anyhow::{Context, Result};
use kg_extract::Extractor;
use kg_graph::{content_hash, DocumentMeta, KnowledgeGraph};
use kg_input::Article;

use crate::cli::IngestArgs;
use crate::progress::Progress;

/// Counts of one ingest run.
#[derive(Default)]
struct Tally {
    added: usize,
    replaced: usize,
    unchanged: usize,
    bad_records: usize,
    relations: usize,
}

/// Runs `kg ingest`.
pub fn run(args: IngestArgs) -> Result<()> {
    let started = Instant::now();
    let inputs = kg_input::collect(&args.paths)?;
    let kg = KnowledgeGraph::open(&args.store)?;
    if let Some(table) = &args.aliases {
        let rows = kg_graph::resolve::load_alias_table(&kg, table)?;
        eprintln!("kg: loaded {rows} aliases from {}", table.display());
    }
    let extractor = Extractor::new().keep_hypothetical(args.keep_hypothetical);
    // The settings that change the extraction are part of what "unchanged" compares.
    let settings = if args.keep_hypothetical { "+hypothetical" } else { "" };
    let mut progress = Progress::new(inputs.files.len() as u64 + u64::from(inputs.stdin));
    for (path, why) in &inputs.skipped {
        progress.warn(&format!("skipped {}: {why}", path.display()));
    }
    let ingested_at = now_utc();
    let mut tally = Tally::default();
    let mut store_one = |a: Article, progress: &mut Progress| -> Result<()> {
        let hash = format!("{}{settings}", content_hash(&a.text));
        if kg.is_unchanged(&a.id, &hash)? {
            tally.unchanged += 1;
            return Ok(());
        }
        let published = args.published.as_deref().or(a.published.as_deref());
        let mut doc = extractor.extract(&a.id, &a.text, published).with_context(|| a.source.clone())?;
        if a.title.is_some() {
            doc.title = a.title.clone();
        }
        let meta =
            DocumentMeta { source: Some(a.source.clone()), content_hash: hash, ingested_at: Some(ingested_at.clone()), url: a.url.clone() };
        let report = kg.put_document(&doc, &meta).with_context(|| format!("{}: storing", a.source))?;
        if report.replaced {
            tally.replaced += 1;
        } else {
            tally.added += 1;
        }
        tally.relations += doc.relations.len();
        progress.document(a.text.split_whitespace().count());
        Ok(())
    };
    if inputs.stdin {
        store_one(kg_input::read_stdin()?, &mut progress)?;
        progress.file_done();
    }
    let mut binary_files = 0;
    for f in &inputs.files {
        let records = match kg_input::open_path(f, kg_input::ReadOptions { lossy: args.lossy }) {
            Ok(r) => r,
            Err(e) if e.skip => {
                binary_files += 1;
                progress.warn(&format!("skipped {e}"));
                progress.file_done();
                continue;
            }
            Err(e) => return Err(e.into()),
        };
        for w in &records.warnings {
            progress.warn(w);
        }
        for record in records {
            match record {
                Ok(article) => store_one(article, &mut progress)?,
                Err(e) if !e.record => return Err(e.into()),
                Err(e) => {
                    tally.bad_records += 1;
                    progress.warn(&e.to_string());
                }
            }
        }
        progress.file_done();
    }
    progress.finish();
    kg.flush()?;
    let entities = kg_graph::query::count(&kg, "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e kg:mentionedIn ?d }")?;
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "ingested {} documents ({} new, {} replaced, {} unchanged; {} files skipped, {} bad records) into {}: \
         {entities} entities, {} relations, {} triples in store, {seconds:.2} s, {:.0} words/s",
        tally.added + tally.replaced,
        tally.added,
        tally.replaced,
        tally.unchanged,
        inputs.skipped.len() + binary_files,
        tally.bad_records,
        args.store.display(),
        tally.relations,
        kg.quad_count()?,
        progress.words() as f64 / seconds.max(1e-9)
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
