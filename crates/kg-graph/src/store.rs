//! The knowledge graph on disk: an Oxigraph (RocksDB) store with the ontology in its
//! own named graph and one named graph per document.

use std::path::{Path, PathBuf};

use oxigraph::io::RdfFormat;
use oxigraph::model::{GraphNameRef, Literal, NamedNodeRef, NamedOrBlankNode, Quad, QuadRef};
use oxigraph::store::Store;

use crate::error::{GraphError, Result};
use crate::vocab::{document_iri, ONTOLOGY_GRAPH};

/// The ontology, embedded from `data/ontology.ttl`.
pub const ONTOLOGY_TTL: &str = include_str!("../../../data/ontology.ttl");

/// What was written for one document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PutReport {
    /// Quads written to the document's graph.
    pub quads: usize,
    /// True when the document's graph already existed and was replaced.
    pub replaced: bool,
}

/// How long opening a store waits for a lock that a killed process leaves behind.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(1);

/// A knowledge graph backed by an Oxigraph store. Clones share the same store.
#[derive(Clone)]
pub struct KnowledgeGraph {
    store: Store,
    path: Option<PathBuf>,
}

impl KnowledgeGraph {
    /// Opens (creating if needed) the store in directory `dir` and makes sure the ontology is loaded.
    pub fn open(dir: &Path) -> Result<Self> {
        if dir.exists() && !dir.is_dir() {
            return Err(GraphError::Open { path: dir.to_path_buf(), message: "it is a file, not a store directory".into() });
        }
        std::fs::create_dir_all(dir).map_err(|e| GraphError::Open { path: dir.to_path_buf(), message: e.to_string() })?;
        // Right after a process holding the store is killed, the kernel takes a few
        // milliseconds to release RocksDB's lock: wait for it a little before saying the
        // store is in use.
        let started = std::time::Instant::now();
        let store = loop {
            match Store::open(dir) {
                Ok(store) => break store,
                Err(e) => {
                    let text = e.to_string();
                    let locked = text.to_lowercase().contains("lock");
                    if locked && started.elapsed() < LOCK_WAIT {
                        std::thread::sleep(std::time::Duration::from_millis(20));
                        continue;
                    }
                    let message = if locked { format!("the store is in use by another process ({text})") } else { text };
                    return Err(GraphError::Open { path: dir.to_path_buf(), message });
                }
            }
        };
        let kg = KnowledgeGraph { store, path: Some(dir.to_path_buf()) };
        kg.ensure_ontology()?;
        Ok(kg)
    }

    /// Opens an existing store for reading only (the Python package's `Store`): it takes no
    /// lock, so it works beside a running `kg serve` or `kg ingest`, and sees the store as
    /// it was when opened.
    pub fn open_read_only(dir: &Path) -> Result<Self> {
        if !dir.is_dir() {
            return Err(GraphError::Open { path: dir.to_path_buf(), message: "no store here (run `kg ingest` first)".into() });
        }
        let store = Store::open_read_only(dir).map_err(|e| GraphError::Open { path: dir.to_path_buf(), message: e.to_string() })?;
        Ok(KnowledgeGraph { store, path: Some(dir.to_path_buf()) })
    }

    /// A store in memory (for `kg extract --format turtle` and tests).
    pub fn in_memory() -> Result<Self> {
        let kg = KnowledgeGraph { store: Store::new()?, path: None };
        kg.ensure_ontology()?;
        Ok(kg)
    }

    /// The store directory, for stores on disk.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The underlying Oxigraph store.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Loads the ontology into its graph, unless the graph holds exactly it already: a
    /// command that only reads then writes nothing (no write, no compaction under a
    /// reader that has the store open read-only).
    fn ensure_ontology(&self) -> Result<()> {
        let graph = NamedNodeRef::new_unchecked(ONTOLOGY_GRAPH);
        let quads: Vec<Quad> = oxigraph::io::RdfParser::from_format(RdfFormat::Turtle)
            .with_default_graph(graph)
            .for_slice(ONTOLOGY_TTL.as_bytes())
            .collect::<std::result::Result<_, _>>()
            .map_err(|e| GraphError::Rdf(format!("data/ontology.ttl: {e}")))?;
        let stored = self.store.quads_for_pattern(None, None, None, Some(graph.into())).count();
        if stored == quads.len() && self.holds_all(&quads)? {
            return Ok(());
        }
        let mut t = self.store.start_transaction()?;
        t.remove_named_graph(graph)?;
        t.extend(quads.iter().map(Quad::as_ref));
        t.commit()?;
        Ok(())
    }

    /// True when the store holds every one of `quads`.
    fn holds_all(&self, quads: &[Quad]) -> Result<bool> {
        for q in quads {
            if !self.store.contains(q)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// True when the store holds document `id` made from the same text by the same
    /// extractor version and graph format: ingesting it again would change nothing.
    pub fn is_unchanged(&self, id: &str, content_hash: &str) -> Result<bool> {
        // Two point look-ups: this runs for every document of an ingest.
        let graph = document_iri(id);
        let has = |predicate: &str, value: &str| {
            let literal = Literal::new_simple_literal(value);
            let p = crate::vocab::kg(predicate);
            self.store.contains(QuadRef::new(&graph, &p, &literal, GraphNameRef::NamedNode(graph.as_ref())))
        };
        Ok(has("contentHash", content_hash)?
            && has("extractorVersion", kg_model::EXTRACTOR_VERSION)?
            && has("graphFormat", crate::mapping::GRAPH_FORMAT)?)
    }

    /// Replaces the named graph `graph` with `quads`, atomically.
    pub fn replace_named_graph(&self, graph: &str, quads: &[Quad]) -> Result<PutReport> {
        let graph = NamedNodeRef::new(graph)?;
        let replaced = self.store.contains_named_graph(graph)?;
        let mut t = self.store.start_transaction()?;
        if replaced {
            t.remove_named_graph(graph)?;
        }
        t.insert_named_graph(graph);
        t.extend(quads.iter());
        t.commit()?;
        Ok(PutReport { quads: quads.len(), replaced })
    }

    /// Removes a document's graph. Returns false when there was none.
    pub fn remove_document(&self, id: &str) -> Result<bool> {
        let graph = document_iri(id);
        if !self.store.contains_named_graph(&graph)? {
            return Ok(false);
        }
        let mut t = self.store.start_transaction()?;
        t.remove_named_graph(&graph)?;
        t.commit()?;
        Ok(true)
    }

    /// Number of quads in the store (ontology included).
    pub fn quad_count(&self) -> Result<usize> {
        Ok(self.store.len()?)
    }

    /// Number of document graphs.
    pub fn document_count(&self) -> Result<usize> {
        let mut n = 0;
        for g in self.store.named_graphs() {
            if let NamedOrBlankNode::NamedNode(g) = g? {
                if g.as_str().starts_with(crate::vocab::DOC) {
                    n += 1;
                }
            }
        }
        Ok(n)
    }

    /// Number of quads in the ontology graph.
    pub fn ontology_quad_count(&self) -> Result<usize> {
        let graph = NamedNodeRef::new_unchecked(ONTOLOGY_GRAPH);
        Ok(self.store.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph))).count())
    }

    /// Flushes buffered writes to disk.
    pub fn flush(&self) -> Result<()> {
        if self.path.is_some() {
            self.store.flush()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use kg_model::Document;

    use super::*;
    use crate::DocumentMeta;

    fn doc(text: &str) -> Document {
        kg_extract::Extractor::new().extract("d1", text, Some("2024-01-10")).expect("extract")
    }

    #[test]
    fn replacing_a_document_leaves_no_old_quads() {
        let dir = tempfile::tempdir().expect("tempdir");
        let kg = KnowledgeGraph::open(&dir.path().join("store")).expect("open");
        let base = kg.quad_count().expect("count");
        assert!(kg.ontology_quad_count().expect("count") > 100);
        let r1 = kg
            .put_document(&doc("Chinese President Xi Jinping met Russian President Vladimir Putin."), &DocumentMeta::default())
            .expect("put");
        assert!(!r1.replaced);
        let r2 = kg.put_document(&doc("Germany criticized France."), &DocumentMeta::default()).expect("put");
        assert!(r2.replaced);
        assert_eq!(kg.quad_count().expect("count"), base + r2.quads);
        assert_eq!(kg.document_count().expect("docs"), 1);
        assert!(kg.remove_document("d1").expect("remove"));
        assert_eq!(kg.quad_count().expect("count"), base);
    }

    #[test]
    fn a_file_is_not_a_store() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("f");
        std::fs::write(&file, "x").expect("write");
        let Err(err) = KnowledgeGraph::open(&file) else { panic!("a file opened as a store") };
        assert!(err.to_string().contains("it is a file"), "{err}");
    }

    #[test]
    fn reopening_keeps_documents() {
        let dir = tempfile::tempdir().expect("tempdir");
        {
            let kg = KnowledgeGraph::open(dir.path()).expect("open");
            kg.put_document(&doc("Germany criticized France."), &DocumentMeta::default()).expect("put");
        }
        let kg = KnowledgeGraph::open(dir.path()).expect("reopen");
        assert_eq!(kg.document_count().expect("docs"), 1);
    }

    /// The store must be opened by the patched Oxigraph (vendor/oxigraph/PATCHED.md):
    /// a `cargo update` past the patched version would silently drop the bounded cache.
    #[test]
    fn rocksdb_keeps_index_blocks_in_its_bounded_cache() {
        let dir = tempfile::tempdir().expect("tempdir");
        drop(KnowledgeGraph::open(dir.path()).expect("open"));
        let options = std::fs::read_dir(dir.path())
            .expect("store folder")
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().starts_with("OPTIONS-"))
            .map(|e| std::fs::read_to_string(e.path()).expect("options file"))
            .max_by_key(|text| text.len())
            .expect("RocksDB writes an OPTIONS file");
        let tables = options.matches("[TableOptions/BlockBasedTable ").count();
        assert!(tables >= 10, "{tables} column families");
        assert_eq!(options.matches("cache_index_and_filter_blocks=true").count(), tables);
        assert_eq!(options.matches("index_type=kTwoLevelIndexSearch").count(), tables);
    }
}

#[cfg(test)]
mod ontology_tests {
    use kg_model::{EntityType, Range, TypeSet, PREDICATES};

    use super::*;
    use crate::query::select_rows;

    /// The entity types an ontology class holds; `None` for a datatype.
    fn types_of_class(class: &str) -> Option<TypeSet> {
        use EntityType::*;
        Some(match class {
            "schema:Thing" => TypeSet::ANY,
            "kg:Actor" => TypeSet::ACTOR,
            "schema:Place" => TypeSet::PLACE,
            "schema:Person" => TypeSet::of(&[Person]),
            "schema:Organization" => TypeSet::of(&[Organization]),
            "schema:Country" => TypeSet::of(&[Country]),
            "schema:City" => TypeSet::of(&[City]),
            "kg:Group" => TypeSet::of(&[Group]),
            _ => return None,
        })
    }

    #[test]
    fn ontology_defines_every_predicate_of_the_vocabulary() {
        let kg = KnowledgeGraph::in_memory().expect("store");
        for p in PREDICATES {
            let q = format!(
                "SELECT ?family ?sym ?cameo ?label ?comment ?domain ?range WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ kg:{} kg:family ?family ; rdfs:label ?label ; rdfs:comment ?comment ; \
                 rdfs:domain ?domain ; rdfs:range ?range . OPTIONAL {{ kg:{0} kg:cameoRoot ?cameo }} BIND(EXISTS {{ kg:{0} a owl:SymmetricProperty }} AS ?sym) }} }}",
                p.name
            );
            let rows = select_rows(&kg, &q).expect("query");
            assert_eq!(rows.len(), 1, "{} is defined once, with a domain and a range", p.name);
            let text = |i: usize| rows[0][i].as_ref().map(crate::query::display_term).unwrap_or_default();
            assert_eq!(text(0), format!("kg:{}", p.family), "{} family", p.name);
            assert_eq!(text(1), p.symmetric.to_string(), "{} symmetry", p.name);
            assert_eq!(text(2), p.cameo.unwrap_or_default(), "{} CAMEO root", p.name);
            // The ontology's classes hold every type the vocabulary allows (the rules may be narrower).
            let domain = types_of_class(&text(5)).unwrap_or_else(|| panic!("{}: domain {} is no entity class", p.name, text(5)));
            assert!(domain.covers(p.domain), "{}: the domain {} leaves out types the vocabulary allows", p.name, text(5));
            match p.range {
                Range::Entities(range) => {
                    let class = types_of_class(&text(6)).unwrap_or_else(|| panic!("{}: range {} is no entity class", p.name, text(6)));
                    assert!(class.covers(range), "{}: the range {} leaves out types the vocabulary allows", p.name, text(6));
                }
                Range::Text => assert_eq!(text(6), "xsd:string", "{} takes text", p.name),
            }
        }
    }

    #[test]
    fn every_predicate_of_the_ontology_is_in_the_vocabulary() {
        let kg = KnowledgeGraph::in_memory().expect("store");
        let q = format!("SELECT ?p WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?p kg:family ?family }} }}");
        let rows = select_rows(&kg, &q).expect("query");
        assert_eq!(rows.len(), PREDICATES.len());
        for r in rows {
            let name = r[0].as_ref().map(crate::query::display_term).unwrap_or_default();
            let local = name.strip_prefix("kg:").unwrap_or(&name);
            assert!(kg_model::Predicate::from_name(local).is_some(), "{name} is not in the vocabulary table");
        }
    }
}
