//! Errors as Python exceptions: `newskg.KgError` with the message `kg` prints.

use pyo3::create_exception;
use pyo3::PyErr;

create_exception!(_newskg, KgError, pyo3::exceptions::PyException, "An error of newskg, with the message the `kg` command prints.");

/// A graph error as `KgError`.
pub fn graph_error(e: kg_graph::GraphError) -> PyErr {
    KgError::new_err(e.to_string())
}

/// JSON documents that do not parse as the contract's documents.
pub fn bad_documents(e: serde_json::Error) -> PyErr {
    pyo3::exceptions::PyValueError::new_err(format!("not the contract's documents: {e}"))
}
