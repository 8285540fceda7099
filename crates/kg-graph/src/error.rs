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
    Storage(oxigraph::store::StorageError),
    /// The SPARQL text does not parse.
    #[error("SPARQL syntax error: {0}")]
    Syntax(oxigraph::sparql::SparqlSyntaxError),
    /// The query failed while running.
    #[error("query failed: {0}")]
    Evaluation(oxigraph::sparql::QueryEvaluationError),
    /// Writing output failed.
    #[error("write failed: {0}")]
    Io(std::io::Error),
    /// An IRI could not be built.
    #[error("invalid IRI: {0}")]
    Iri(oxigraph::model::IriParseError),
    /// RDF that does not parse (the ontology, an imported file).
    #[error("RDF syntax error: {0}")]
    Rdf(String),
    /// A request that makes no sense (a result format for the wrong kind of query, …).
    #[error("{0}")]
    Invalid(String),
}

impl GraphError {
    /// True when writing failed because the reader went away (`kg export | head`).
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, GraphError::Io(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

/// Result with [`GraphError`].
pub type Result<T> = std::result::Result<T, GraphError>;

/// The wrapped errors carry their message in `Display` and are not chained as
/// `source()`, so `anyhow`'s one-line form does not repeat them.
macro_rules! wrap {
    ($($from:ty => $variant:ident),* $(,)?) => {
        $(impl From<$from> for GraphError {
            fn from(e: $from) -> Self {
                GraphError::$variant(e)
            }
        })*
    };
}

wrap! {
    oxigraph::store::StorageError => Storage,
    oxigraph::sparql::SparqlSyntaxError => Syntax,
    oxigraph::sparql::QueryEvaluationError => Evaluation,
    std::io::Error => Io,
    oxigraph::model::IriParseError => Iri,
}

impl From<csv::Error> for GraphError {
    fn from(e: csv::Error) -> Self {
        GraphError::Io(e.into())
    }
}
