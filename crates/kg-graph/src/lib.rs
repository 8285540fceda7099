//! The knowledge graph: an Oxigraph store on disk, the project ontology, the mapping
//! of extracted documents to RDF (with reified provenance), SPARQL, and exports
//! (Turtle, N-Triples, N-Quads, TriG, DOT).

#![deny(missing_docs)]

pub mod analytics;
pub mod checks;
pub mod dot;
pub mod entities;
pub mod error;
pub mod export;
pub mod mapping;
pub mod name_index;
mod neighbourhood;
pub mod network;
pub mod paths;
pub mod query;
pub mod resolution;
pub mod resolve;
pub mod revise;
pub mod store;
pub mod store_reader;
pub mod tables;
pub mod text_table;
pub mod vocab;
pub mod writer;

#[cfg(test)]
mod test_stores;

pub use error::{GraphError, Result};
pub use mapping::{content_hash, document_quads, resolved_document_quads, DocumentMeta};
pub use store::KnowledgeGraph;
