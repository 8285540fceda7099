//! Documents to graphs without a store on disk: their RDF, and their network after the
//! cross-document resolution `kg ingest` does.

use kg_extract::Document;
use kg_graph::export::StreamWriter;
use kg_graph::network::Network;
use kg_graph::writer::DocumentWriter;
use kg_graph::{document_quads, DocumentMeta, KnowledgeGraph};
use oxigraph::io::RdfFormat;
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::errors::{bad_documents, graph_error};

/// Documents from a JSON array of the contract's documents.
fn documents(json: &str) -> PyResult<Vec<Document>> {
    serde_json::from_str(json).map_err(bad_documents)
}

/// The N-Quads of documents (a JSON array of contract documents), as `kg extract
/// --format nquads` writes them, less the two facts about the input file it read
/// (`kg:sourcePath`, `kg:contentHash`); `urls`, one per document, give `schema:url`.
#[pyfunction]
#[pyo3(signature = (documents_json, urls=None))]
pub fn nquads(py: Python<'_>, documents_json: &str, urls: Option<Vec<Option<String>>>) -> PyResult<String> {
    let docs = documents(documents_json)?;
    let urls = urls.unwrap_or_default();
    if !urls.is_empty() && urls.len() != docs.len() {
        return Err(pyo3::exceptions::PyValueError::new_err(format!("{} documents but {} URLs", docs.len(), urls.len())));
    }
    py.detach(move || -> kg_graph::Result<String> {
        let mut writer = StreamWriter::new(RdfFormat::NQuads, Vec::new())?;
        for (k, doc) in docs.iter().enumerate() {
            let meta = DocumentMeta { url: urls.get(k).cloned().flatten(), ..DocumentMeta::default() };
            writer.write(&document_quads(doc, &meta))?;
        }
        Ok(String::from_utf8_lossy(&writer.finish()?).into_owned())
    })
    .map_err(graph_error)
}

/// The network of documents (a JSON array of contract documents) ingested together into
/// a store in memory, entities resolved across them as `kg ingest` does: `(nodes, edges)`
/// with the GraphML export's attributes.
#[pyfunction]
pub fn network<'py>(py: Python<'py>, documents_json: &str) -> PyResult<Bound<'py, PyTuple>> {
    let docs = documents(documents_json)?;
    let net = py
        .detach(move || -> kg_graph::Result<Network> {
            let kg = KnowledgeGraph::in_memory()?;
            let mut writer = DocumentWriter::new(&kg)?;
            for doc in &docs {
                writer.put(doc, &DocumentMeta::default())?;
            }
            writer.finish()?;
            Network::load(&kg)
        })
        .map_err(graph_error)?;
    crate::values::network(py, &net)
}
