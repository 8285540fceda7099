//! Errors of the graph crate.

use std::path::PathBuf;

/// Everything that can go wrong with the store, queries and exports.
#[derive(Debug, thiserror::Error)]
pub enum GraphError {
    /// The store directory could not be created or opened.
    #[error("cannot open store {path}: {message}")]
    Open {
        /// The store directory.
        path: PathBuf,
        /// What went wrong, in words.
        message: String,
    },
    /// A storage operation failed.
    #[error("store error: {0}")]
    Storage(#[from] oxigraph::store::StorageError),
    /// The SPARQL text does not parse.
    #[error("SPARQL syntax error: {0}")]
    Syntax(#[from] oxigraph::sparql::SparqlSyntaxError),
    /// The query failed while running.
    #[error("query failed: {0}")]
    Evaluation(#[from] oxigraph::sparql::QueryEvaluationError),
    /// Writing output failed.
    #[error("write failed: {0}")]
    Io(#[from] std::io::Error),
    /// An IRI could not be built.
    #[error("invalid IRI: {0}")]
    Iri(#[from] oxigraph::model::IriParseError),
    /// RDF that does not parse (the ontology, an imported file).
    #[error("RDF syntax error: {0}")]
    Rdf(String),
    /// A request that makes no sense (a result format for the wrong kind of query, …).
    #[error("{0}")]
    Invalid(String),
}

/// Result with [`GraphError`].
pub type Result<T> = std::result::Result<T, GraphError>;
