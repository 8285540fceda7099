//! Writing many documents fast: new documents are gathered into batches written by
//! Oxigraph's bulk loader (sorted files handed to RocksDB, about six times faster than
//! transactions), while a changed document replaces its old graph in a transaction.
//!
//! Each batch is written atomically (RocksDB ingests all of a batch's files in one
//! step), and a batch only holds whole documents: a crash leaves every document either
//! fully stored or absent, and an ingest run again completes the store. Entity
//! resolution sees the documents of unwritten batches through the [`NameIndex`], so the
//! graph does not depend on how documents fall into batches. While one batch is written
//! on a background thread, the next one is gathered.

use std::collections::HashSet;
use std::thread::JoinHandle;

use kg_model::Document;
use oxigraph::model::Quad;
use oxigraph::store::Store;

use crate::error::{GraphError, Result};
use crate::mapping::{resolved_document_quads, DocumentMeta};
use crate::name_index::NameIndex;
use crate::resolve::{resolve_with, UserAliases};
use crate::revise::{revise, Revision};
use crate::store::{KnowledgeGraph, PutReport};
use crate::vocab::document_iri;

/// Quads gathered before a batch is written (about 30 MB of quads in memory).
pub const DEFAULT_BATCH_QUADS: usize = 100_000;
/// Keys and labels the name index may hold before entries no recent batch used are forgotten.
const INDEX_LIMIT: usize = 100_000;

/// A batch being written on a background thread, and the documents in it.
struct InFlight {
    thread: JoinHandle<Result<()>>,
    documents: HashSet<String>,
}

/// Writes documents to a store in bulk; call [`finish`](Self::finish) at the end.
pub struct DocumentWriter<'a> {
    kg: &'a KnowledgeGraph,
    index: NameIndex,
    user: UserAliases,
    pending: Vec<Quad>,
    pending_documents: HashSet<String>,
    in_flight: Option<InFlight>,
    batch_quads: usize,
}

impl<'a> DocumentWriter<'a> {
    /// A writer into `kg`, with the user alias table read once.
    pub fn new(kg: &'a KnowledgeGraph) -> Result<Self> {
        Ok(DocumentWriter {
            kg,
            index: NameIndex::new(),
            user: UserAliases::read(kg)?,
            pending: Vec::new(),
            pending_documents: HashSet::new(),
            in_flight: None,
            batch_quads: DEFAULT_BATCH_QUADS,
        })
    }

    /// Sets how many quads a batch gathers before it is written.
    pub fn with_batch_quads(mut self, quads: usize) -> Self {
        self.batch_quads = quads.max(1);
        self
    }

    /// Resolves a document's entities against everything stored or waiting, and stores
    /// its graph (replacing an earlier version of the document).
    pub fn put(&mut self, doc: &Document, meta: &DocumentMeta) -> Result<PutReport> {
        let graph = document_iri(&doc.id);
        if self.pending_documents.contains(&doc.id) || self.in_flight.as_ref().is_some_and(|f| f.documents.contains(&doc.id)) {
            // The same document twice in one run: write the first before replacing it.
            self.flush()?;
        }
        let replaced = self.kg.store().contains_named_graph(&graph)?;
        if replaced {
            self.index.remove_document(self.kg, &graph)?;
        }
        let resolution = resolve_with(self.kg, &mut self.index, &self.user, doc)?;
        let quads = resolved_document_quads(doc, meta, &resolution);
        self.index.add_document(self.kg, &graph, &quads)?;
        if replaced {
            self.flush()?;
            return self.kg.replace_named_graph(graph.as_str(), &quads);
        }
        let report = PutReport { quads: quads.len(), replaced: false };
        self.pending.extend(quads);
        self.pending_documents.insert(doc.id.clone());
        if self.pending.len() >= self.batch_quads {
            self.start_batch()?;
        }
        Ok(report)
    }

    /// Writes everything waiting and waits until it is stored.
    pub fn flush(&mut self) -> Result<()> {
        self.start_batch()?;
        self.wait()
    }

    /// Writes everything waiting, then revises what earlier documents decided in the light
    /// of the new ones ([`revise`](crate::revise)); the store holds every document put
    /// when this returns.
    pub fn finish(mut self) -> Result<Revision> {
        self.flush()?;
        revise(self.kg)
    }

    /// Hands the gathered batch to a background thread (after the previous one is written).
    fn start_batch(&mut self) -> Result<()> {
        self.wait()?;
        if self.pending.is_empty() {
            return Ok(());
        }
        let quads = std::mem::take(&mut self.pending);
        let documents = std::mem::take(&mut self.pending_documents);
        self.index.next_generation();
        let store = self.kg.store().clone();
        let thread = std::thread::Builder::new()
            .name("kg-bulk-load".into())
            .spawn(move || load_batch(&store, quads))
            .map_err(|e| GraphError::Invalid(format!("cannot start the bulk loader: {e}")))?;
        self.in_flight = Some(InFlight { thread, documents });
        Ok(())
    }

    /// Waits for the batch being written, if any.
    fn wait(&mut self) -> Result<()> {
        let Some(f) = self.in_flight.take() else { return Ok(()) };
        f.thread.join().map_err(|_| GraphError::Invalid("the bulk loader thread panicked".into()))??;
        // Every batch gathered before the current one is now in the store: entries no
        // document of the last two batches used may go (popular names stay).
        if self.index.len() > INDEX_LIMIT {
            self.index.forget_before(self.index.generation().saturating_sub(1));
        }
        Ok(())
    }
}

impl Drop for DocumentWriter<'_> {
    fn drop(&mut self) {
        // A writer dropped on an error path still lets its running batch finish: a batch is
        // whole documents, written atomically, so finishing it loses nothing.
        if let Some(f) = self.in_flight.take() {
            let _ = f.thread.join();
        }
    }
}

/// Writes one batch of whole documents atomically with the bulk loader.
fn load_batch(store: &Store, quads: Vec<Quad>) -> Result<()> {
    // One thread per batch and a batch as large as this one: one set of sorted files,
    // ingested by RocksDB in one step.
    let megabytes = quads.len().div_ceil(1000).max(1);
    let mut loader = store.bulk_loader().with_num_threads(1).with_max_memory_size_in_megabytes(megabytes);
    loader.load_quads(quads)?;
    loader.commit()?;
    Ok(())
}

impl KnowledgeGraph {
    /// Writes a document's graph, its entities resolved against the documents already
    /// stored, replacing any earlier version of it atomically: readers see the old graph
    /// or the new one, never a mix. (Many documents: [`DocumentWriter`].)
    pub fn put_document(&self, doc: &Document, meta: &DocumentMeta) -> Result<PutReport> {
        let mut writer = DocumentWriter::new(self)?;
        let report = writer.put(doc, meta)?;
        writer.finish()?;
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_quads(kg: &KnowledgeGraph) -> Vec<String> {
        let mut out: Vec<String> = kg.store().iter().map(|q| q.expect("quad").to_string()).collect();
        out.sort();
        out
    }

    fn ingest(batch_quads: usize, texts: &[&str]) -> (Vec<String>, usize) {
        let kg = KnowledgeGraph::in_memory().expect("store");
        let extractor = kg_extract::Extractor::new();
        let mut writer = DocumentWriter::new(&kg).expect("writer").with_batch_quads(batch_quads);
        let mut replaced = 0;
        for (i, text) in texts.iter().enumerate() {
            // The fourth text is the first document again, changed.
            let id = if i == 3 { "d0".to_string() } else { format!("d{i}") };
            let doc = extractor.extract(&id, text, Some("2024-01-10")).expect("extract");
            replaced += usize::from(writer.put(&doc, &DocumentMeta::default()).expect("put").replaced);
        }
        writer.finish().expect("finish");
        (all_quads(&kg), replaced)
    }

    #[test]
    fn the_graph_does_not_depend_on_batching() {
        let texts = [
            "Ukraine's President Volodymyr Zelenskiy spoke with Chinese President Xi Jinping.",
            "Zelensky thanked Germany for its support.",
            "Volodymyr Zelensky met French President Emmanuel Macron in Paris.",
            "Ukraine's President Volodymyr Zelenskiy visited Poland.",
            // Bodies of two states under one label: the places are indexed like the keys.
            "The Kenyan Senate voted on Monday. The Senate approved the budget.",
            "The Nigerian Senate met in Abuja on Tuesday. The Senate rejected the budget.",
            "The Nigerian Senate passed the bill.",
        ];
        let (one_by_one, replaced) = ingest(1, &texts);
        let (one_batch, replaced_too) = ingest(1_000_000, &texts);
        assert_eq!(one_by_one, one_batch);
        assert_eq!((replaced, replaced_too), (1, 1));
        // The later spellings resolve to the first document's node.
        let zelensky = one_by_one.iter().filter(|q| q.contains("/doc/d2>") && q.contains("resolvedTo")).count();
        assert!(zelensky >= 1, "no merge recorded for d2");
        assert!(one_by_one.iter().any(|q| q.contains("/doc/d5>") && q.contains("\"state\"")), "no node of its own for the second senate");
        assert!(one_by_one.iter().any(|q| q.contains("/doc/d6>") && q.contains("resolvedTo") && q.contains("nigerian-senate")));
    }
}
