//! The name keys of the documents already stored, held in memory while documents are
//! added: for each key, the nodes that carry it and in how many documents.
//!
//! The store is the index that persists (`kg:nameKey` quads in each document's graph);
//! this is its cache. A key is read from the store the first time it is asked for, and
//! every document added afterwards updates it, so documents waiting in a batch that is
//! not yet written are seen by the documents after them. What the cache answers is what
//! the store would answer once everything is written, whatever the batching: resolution
//! is the same for an uninterrupted ingest and for one killed and resumed.

use std::collections::{BTreeMap, HashMap};

use oxigraph::model::{GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, NamedOrBlankNodeRef, Quad, Term, TermRef};

use crate::error::Result;
use crate::store::KnowledgeGraph;
use crate::vocab::{kg, rdfs, RDFS};

/// Name key → node IRI → number of documents; node IRI → label; node IRI → the places it
/// is part of (`kg:partOf`, an organisation's state) → number of documents. A key or node present
/// here has been read from the store (leaving out the document being replaced) and kept
/// up to date since. Each entry remembers the generation (batch) that last used it, so
/// that entries no recent batch used can be forgotten once their documents are written.
#[derive(Debug, Default)]
pub struct NameIndex {
    generation: u64,
    keys: HashMap<String, (u64, BTreeMap<String, usize>)>,
    labels: HashMap<String, (u64, Option<String>)>,
    places: HashMap<String, (u64, BTreeMap<String, usize>)>,
}

impl NameIndex {
    /// An empty cache.
    pub fn new() -> Self {
        NameIndex::default()
    }

    /// Number of keys and labels held (to bound memory).
    pub fn len(&self) -> usize {
        self.keys.len() + self.labels.len() + self.places.len()
    }

    /// True when nothing is held.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty() && self.labels.is_empty() && self.places.is_empty()
    }

    /// The generation entries are stamped with now.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Starts a new generation (the writer starts one per batch).
    pub fn next_generation(&mut self) {
        self.generation += 1;
    }

    /// Forgets the entries last used before generation `oldest_kept`; later questions
    /// about them read the store again. Only correct when every document added in those
    /// generations has been written to the store.
    pub fn forget_before(&mut self, oldest_kept: u64) {
        self.keys.retain(|_, (used, _)| *used >= oldest_kept);
        self.labels.retain(|_, (used, _)| *used >= oldest_kept);
        self.places.retain(|_, (used, _)| *used >= oldest_kept);
    }

    /// The nodes that documents other than `skip` gave name key `key`, with their number
    /// of documents.
    pub fn nodes_with_key(&mut self, store: &KnowledgeGraph, key: &str, skip: &NamedNode) -> Result<&BTreeMap<String, usize>> {
        if let Some((used, _)) = self.keys.get_mut(key) {
            *used = self.generation;
        } else {
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            let object = Literal::new_simple_literal(key);
            for q in quads_besides(store, None, &kg("nameKey"), Some(object.as_ref().into()), skip) {
                if let NamedOrBlankNode::NamedNode(n) = q?.subject {
                    *counts.entry(n.into_string()).or_default() += 1;
                }
            }
            self.keys.insert(key.to_string(), (self.generation, counts));
        }
        Ok(&self.keys[key].1)
    }

    /// The label of node `iri`: the least of the labels documents gave it, so that the
    /// answer does not depend on the order documents were stored in.
    pub fn label(&mut self, store: &KnowledgeGraph, iri: &str, skip: &NamedNode) -> Result<Option<String>> {
        if let Some((used, label)) = self.labels.get_mut(iri) {
            *used = self.generation;
            return Ok(label.clone());
        }
        let subject = NamedNode::new(iri)?;
        let mut least: Option<String> = None;
        for q in quads_besides(store, Some(subject.as_ref().into()), &rdfs::LABEL.into_owned(), None, skip) {
            if let Term::Literal(l) = q?.object {
                if least.as_deref().is_none_or(|old| l.value() < old) {
                    least = Some(l.value().to_string());
                }
            }
        }
        self.labels.insert(iri.to_string(), (self.generation, least.clone()));
        Ok(least)
    }

    /// The places (IRIs) that documents other than `skip` say node `iri` is part of
    /// (`kg:partOf`), with their number of documents.
    pub fn places(&mut self, store: &KnowledgeGraph, iri: &str, skip: &NamedNode) -> Result<&BTreeMap<String, usize>> {
        if let Some((used, _)) = self.places.get_mut(iri) {
            *used = self.generation;
        } else {
            let subject = NamedNode::new(iri)?;
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            for q in quads_besides(store, Some(subject.as_ref().into()), &kg("partOf"), None, skip) {
                if let Term::NamedNode(place) = q?.object {
                    *counts.entry(place.into_string()).or_default() += 1;
                }
            }
            self.places.insert(iri.to_string(), (self.generation, counts));
        }
        Ok(&self.places[iri].1)
    }

    /// Records what a new document's graph says: its name keys (`kg:nameKey`), labels and
    /// places (`kg:partOf`).
    /// Keys and nodes not read yet are read first (without this document, which the store
    /// may not hold yet), so that they count it whether or not it has been written.
    pub fn add_document(&mut self, store: &KnowledgeGraph, graph: &NamedNode, quads: &[Quad]) -> Result<()> {
        let name_key = kg("nameKey");
        for q in quads {
            let (NamedOrBlankNode::NamedNode(subject), Term::Literal(value)) = (&q.subject, &q.object) else { continue };
            if q.predicate == name_key {
                self.nodes_with_key(store, value.value(), graph)?;
            } else if q.predicate.as_str().strip_prefix(RDFS) == Some("label") {
                self.label(store, subject.as_str(), graph)?;
            }
        }
        let part_of = kg("partOf");
        for q in quads.iter().filter(|q| q.predicate == part_of) {
            if let (NamedOrBlankNode::NamedNode(subject), Term::NamedNode(_)) = (&q.subject, &q.object) {
                self.places(store, subject.as_str(), graph)?;
            }
        }
        self.apply(quads, true);
        Ok(())
    }

    /// Takes back what a stored document's graph said, before the document is replaced.
    pub fn remove_document(&mut self, store: &KnowledgeGraph, graph: &NamedNode) -> Result<()> {
        let quads: Vec<Quad> = store
            .store()
            .quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph.as_ref())))
            .collect::<std::result::Result<_, _>>()?;
        self.apply(&quads, false);
        // A label taken back may have been the least: read the node's labels again when asked.
        for q in &quads {
            if q.predicate.as_str().strip_prefix(RDFS) == Some("label") {
                if let NamedOrBlankNode::NamedNode(n) = &q.subject {
                    self.labels.remove(n.as_str());
                }
            }
        }
        Ok(())
    }

    fn apply(&mut self, quads: &[Quad], add: bool) {
        let (name_key, part_of) = (kg("nameKey"), kg("partOf"));
        for q in quads {
            if let (true, NamedOrBlankNode::NamedNode(subject), Term::NamedNode(place)) = (q.predicate == part_of, &q.subject, &q.object) {
                if let Some((_, counts)) = self.places.get_mut(subject.as_str()) {
                    count(counts, place.as_str(), add);
                }
                continue;
            }
            let (NamedOrBlankNode::NamedNode(subject), Term::Literal(value)) = (&q.subject, &q.object) else { continue };
            if q.predicate == name_key {
                let Some((_, counts)) = self.keys.get_mut(value.value()) else { continue };
                count(counts, subject.as_str(), add);
            } else if add && q.predicate.as_str().strip_prefix(RDFS) == Some("label") {
                if let Some((_, slot)) = self.labels.get_mut(subject.as_str()) {
                    if slot.as_deref().is_none_or(|old| value.value() < old) {
                        *slot = Some(value.value().to_string());
                    }
                }
            }
        }
    }
}

/// Adds one document to, or takes one from, the count of `iri`.
fn count(counts: &mut BTreeMap<String, usize>, iri: &str, add: bool) {
    if add {
        *counts.entry(iri.to_string()).or_default() += 1;
    } else if let Some(n) = counts.get_mut(iri) {
        *n -= 1;
        if *n == 0 {
            counts.remove(iri);
        }
    }
}

/// The quads of a pattern in every graph but `skip`, as the store's index yields them.
fn quads_besides<'a>(
    store: &'a KnowledgeGraph,
    subject: Option<NamedOrBlankNodeRef<'_>>,
    predicate: &NamedNode,
    object: Option<TermRef<'_>>,
    skip: &'a NamedNode,
) -> impl Iterator<Item = Result<Quad>> + 'a {
    store
        .store()
        .quads_for_pattern(subject, Some(predicate.as_ref()), object, None)
        .map(|q| q.map_err(Into::into))
        .filter(move |q| q.as_ref().map_or(true, |q| !graph_is(q, skip.as_ref())))
}

fn graph_is(q: &Quad, graph: NamedNodeRef<'_>) -> bool {
    matches!(&q.graph_name, oxigraph::model::GraphName::NamedNode(g) if g.as_ref() == graph)
}
