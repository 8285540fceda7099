//! `kg ingest`: extract articles into the store, one named graph per document;
//! unchanged documents are skipped, changed ones replaced.

use std::time::Instant;

use anyhow::{Context, Result};
use kg_extract::{Document, Extractor};
use kg_graph::writer::DocumentWriter;
use kg_graph::{content_hash, DocumentMeta, KnowledgeGraph};
use kg_input::{Article, ReadOptions};

use crate::cli::IngestArgs;
use crate::pipeline::{self, Event, Notice};
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

/// What a worker made of one article: nothing when the store already has it unchanged.
type Extracted = Option<(Document, String)>;

/// Runs `kg ingest`.
pub fn run(args: IngestArgs) -> Result<()> {
    println!("{}", ingest(&args)?);
    Ok(())
}

/// Ingests the inputs `args` names into its store, returning the summary line.
pub fn ingest(args: &IngestArgs) -> Result<String> {
    let started = Instant::now();
    pipeline::return_large_blocks();
    let inputs = kg_input::collect(&args.paths)?;
    let kg = KnowledgeGraph::open(&args.store)?;
    if let Some(table) = &args.aliases {
        let change = kg_graph::resolve::load_alias_table(&kg, table)?;
        eprintln!("kg: loaded {} aliases from {}", change.rows, table.display());
    }
    // Stored documents that name an alias a table changed are resolved again when they are
    // among the inputs, however unchanged their text; the others keep waiting.
    let realias = kg_graph::resolve::pending_documents(&kg)?;
    let extractor = Extractor::new().keep_hypothetical(args.reading.keep_hypothetical);
    // The settings that change the extraction are part of what "unchanged" compares.
    let settings = if args.reading.keep_hypothetical { "+hypothetical" } else { "" };
    let mut progress = Progress::new(inputs.files.len() as u64 + u64::from(inputs.stdin));
    for (path, why) in &inputs.skipped {
        progress.warn(&format!("skipped {}: {why}", path.display()));
    }
    let ingested_at = now_utc();
    let mut tally = Tally::default();
    let mut binary_files = 0;
    let mut writer = DocumentWriter::new(&kg)?.with_batch_quads(args.batch_quads);
    let mut realiased = std::collections::BTreeSet::new();
    // Workers skip unchanged documents and extract the others; this thread resolves and
    // stores them in input order, so the graph is the same whatever the number of threads.
    let work = |a: &Article| -> Result<Extracted> {
        // A document extracted already (by `kg extract` or the Spark job) is keyed by its JSON.
        let hash = match &a.extracted {
            Some(doc) => format!("{}+extracted", content_hash(&serde_json::to_string(doc)?)),
            None => format!("{}{settings}", content_hash(&a.text)),
        };
        if !realias.contains(&a.id) && kg.is_unchanged(&a.id, &hash)? {
            return Ok(None);
        }
        Ok(Some((pipeline::document(&extractor, a, args.published.as_deref())?, hash)))
    };
    let mut store_one = |event: Event<Extracted>| -> Result<()> {
        match event {
            Event::Done { article: a, result } => {
                let Some((doc, hash)) = result? else {
                    tally.unchanged += 1;
                    return Ok(());
                };
                let meta = DocumentMeta {
                    source: Some(a.source.clone()),
                    content_hash: hash,
                    ingested_at: Some(ingested_at.clone()),
                    url: a.url.clone(),
                };
                realiased.insert(doc.id.clone());
                let report = writer.put(&doc, &meta).with_context(|| format!("{}: storing", a.source))?;
                if report.replaced {
                    tally.replaced += 1;
                } else {
                    tally.added += 1;
                }
                tally.relations += doc.relations.len();
                progress.document(a.text.split_whitespace().count());
            }
            Event::Notice(Notice::Warning { message, bad_record }) => {
                tally.bad_records += usize::from(bad_record);
                progress.warn(&message);
            }
            Event::Notice(Notice::Skipped(e)) => {
                binary_files += 1;
                progress.warn(&format!("skipped {e}"));
            }
            Event::Notice(Notice::Failed(e)) => return Err(e.into()),
            Event::Notice(Notice::InputDone) => progress.file_done(),
        }
        Ok(())
    };
    let threads = pipeline::threads(args.threads);
    let outcome = pipeline::run(&inputs, ReadOptions { lossy: args.reading.lossy }, threads, work, &mut store_one);
    // Whatever happened, the documents already handed to the writer are stored whole.
    let finished = writer.finish();
    outcome?;
    let revision = finished?;
    progress.finish();
    report_revision(&revision);
    kg.flush()?;
    // The documents the changed aliases concern but this run did not read keep their old
    // resolution until their files are ingested again: say so.
    if !realias.is_empty() {
        // Documents removed since are no longer waiting.
        let stored = |id: &String| kg.store().contains_named_graph(kg_graph::vocab::document_iri(id).as_ref()).unwrap_or(true);
        let waiting: std::collections::BTreeSet<String> = realias.difference(&realiased).filter(|id| stored(id)).cloned().collect();
        kg_graph::resolve::set_pending_documents(&kg, &waiting)?;
        if !waiting.is_empty() {
            eprintln!(
                "kg: warning: {} of {} stored documents that name a changed alias were not among the inputs \
                 and keep their old resolution until their files are ingested again, e.g. {}",
                waiting.len(),
                realias.len(),
                waiting.iter().take(3).map(String::as_str).collect::<Vec<_>>().join(", ")
            );
        }
    }
    let entities = kg_graph::query::count(&kg, "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e kg:mentionedIn ?d }")?;
    let seconds = started.elapsed().as_secs_f64();
    Ok(format!(
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
    ))
}

/// Says which earlier decisions the new documents changed: surname merges undone (each
/// named, as users may have queried the old node) and nodes whose type changed.
pub fn report_revision(revision: &kg_graph::revise::Revision) {
    const SHOWN: usize = 10;
    for s in revision.splits.iter().take(SHOWN) {
        eprintln!(
            "kg: split: {:?} in {} no longer joins {} (other people of that surname are known now); it is {}",
            s.name,
            s.document,
            kg_graph::vocab::compact(&s.from),
            kg_graph::vocab::compact(&s.to)
        );
    }
    if revision.splits.len() > SHOWN {
        eprintln!("kg: … and {} more surname merges split", revision.splits.len() - SHOWN);
    }
    if !revision.retyped.is_empty() {
        let examples: Vec<String> = revision.retyped.iter().take(3).map(|r| kg_graph::vocab::compact(&r.iri)).collect();
        eprintln!("kg: {} places took the type most of their documents give them (e.g. {})", revision.retyped.len(), examples.join(", "));
    }
}

/// The current time as xsd:dateTime in UTC.
fn now_utc() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0) as i64;
    let day = kg_model::calendar::Date::from_unix_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    format!("{}T{:02}:{:02}:{:02}Z", day.iso(), s / 3600, s / 60 % 60, s % 60)
}
