//! A `kg` store opened read-only from Python: SPARQL, entities, merges, exports and the
//! network, each as the `kg` command gives it.

use std::path::PathBuf;
use std::sync::RwLock;

use kg_graph::entities::{merges, search};
use kg_graph::export::{export, ExportFormat, ExportOptions};
use kg_graph::network::{Filter, Network};
use kg_graph::query::{answer, Answer};
use kg_graph::KnowledgeGraph;
use kg_model::EntityType;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};

use crate::errors::{graph_error, KgError};
use crate::values;

/// A store on disk, opened read-only (no lock: it works beside `kg serve`), as it was
/// when opened.
#[pyclass(module = "newskg._newskg")]
pub struct Store {
    path: PathBuf,
    graph: RwLock<Option<KnowledgeGraph>>,
}

impl Store {
    /// The open store, or an error once closed.
    fn graph(&self) -> PyResult<KnowledgeGraph> {
        let graph = self.graph.read().map_err(|_| KgError::new_err("the store's lock is poisoned"))?;
        graph.clone().ok_or_else(|| KgError::new_err(format!("{}: the store is closed", self.path.display())))
    }
}

#[pymethods]
impl Store {
    /// Opens the store in directory `path`.
    #[new]
    fn new(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let dir = path.clone();
        let graph = py.detach(move || KnowledgeGraph::open_read_only(&dir)).map_err(graph_error)?;
        Ok(Store { path, graph: RwLock::new(Some(graph)) })
    }

    /// The store's directory.
    #[getter]
    fn path(&self) -> PathBuf {
        self.path.clone()
    }

    /// Closes the store; later calls raise `KgError`.
    fn close(&self) -> PyResult<()> {
        *self.graph.write().map_err(|_| KgError::new_err("the store's lock is poisoned"))? = None;
        Ok(())
    }

    /// Runs a SPARQL query: `("select", variables, rows)`, `("ask", bool)` or `("graph", turtle)`.
    fn query<'py>(&self, py: Python<'py>, sparql: String) -> PyResult<Bound<'py, PyTuple>> {
        let graph = self.graph()?;
        let found = py.detach(move || answer(&graph, &sparql)).map_err(graph_error)?;
        match found {
            Answer::Boolean(b) => ("ask", b).into_pyobject(py),
            Answer::Graph(turtle) => ("graph", turtle).into_pyobject(py),
            Answer::Solutions { variables, rows } => {
                let list = PyList::empty(py);
                for row in &rows {
                    let values: Vec<Bound<'py, PyAny>> = row
                        .iter()
                        .map(|t| match t {
                            Some(t) => values::term(py, t),
                            None => Ok(py.None().into_bound(py)),
                        })
                        .collect::<PyResult<_>>()?;
                    list.append(PyTuple::new(py, values)?)?;
                }
                ("select", variables, list).into_pyobject(py)
            }
        }
    }

    /// Entities as `kg entities` lists them, most mentioned first.
    #[pyo3(signature = (search_text="", entity_type=None, limit=50))]
    fn entities<'py>(&self, py: Python<'py>, search_text: &str, entity_type: Option<&str>, limit: usize) -> PyResult<Bound<'py, PyList>> {
        let wanted = match entity_type {
            Some(t) => Some(EntityType::parse(t).ok_or_else(|| PyValueError::new_err(format!("unknown entity type {t:?}")))?),
            None => None,
        };
        let graph = self.graph()?;
        let text = search_text.to_string();
        let found = py.detach(move || search(&graph, &text, wanted, limit)).map_err(graph_error)?;
        let list = PyList::empty(py);
        for e in &found {
            let d = PyDict::new(py);
            d.set_item("entity", kg_graph::vocab::compact(&e.iri))?;
            d.set_item("iri", &e.iri)?;
            d.set_item("label", &e.label)?;
            d.set_item("type", e.entity_type.map(|t| t.as_str()))?;
            d.set_item("aliases", &e.aliases)?;
            d.set_item("documents", e.documents)?;
            list.append(d)?;
        }
        Ok(list)
    }

    /// What the node named `name` took in from other documents, as `kg entities --merges`.
    fn merges<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyList>> {
        let graph = self.graph()?;
        let wanted = kg_graph::vocab::expand(name);
        let found = py
            .detach(move || -> kg_graph::Result<Option<(String, Vec<kg_graph::entities::Merge>)>> {
                let Some(iri) = kg_graph::paths::find_entity(&graph, &wanted, &Filter::default())? else { return Ok(None) };
                let list = merges(&graph, &iri)?;
                Ok(Some((iri, list)))
            })
            .map_err(graph_error)?;
        let Some((iri, found)) = found else {
            return Err(KgError::new_err(format!("{}: no entity is named {name:?}", self.path.display())));
        };
        let list = PyList::empty(py);
        for m in &found {
            let d = PyDict::new(py);
            d.set_item("entity", kg_graph::vocab::compact(&iri))?;
            d.set_item("document", &m.document)?;
            d.set_item("name", &m.local_label)?;
            d.set_item("method", &m.method)?;
            d.set_item("confidence", m.confidence)?;
            list.append(d)?;
        }
        Ok(list)
    }

    /// The store, or the part the filter keeps, in a `kg export` format: `str`, or `bytes` for PNG.
    #[pyo3(signature = (format, filter=None))]
    fn export<'py>(&self, py: Python<'py>, format: &str, filter: Option<&Bound<'py, PyDict>>) -> PyResult<Bound<'py, PyAny>> {
        let format = ExportFormat::from_name(format).map_err(|e| PyValueError::new_err(e.to_string()))?;
        let options = ExportOptions { filter: values::filter(filter)?, ..Default::default() };
        let graph = self.graph()?;
        let bytes = py
            .detach(move || -> kg_graph::Result<Vec<u8>> {
                let mut out = Vec::new();
                export(&graph, format, &options, &mut out)?;
                Ok(out)
            })
            .map_err(graph_error)?;
        if format.is_binary() {
            return Ok(PyBytes::new(py, &bytes).into_any());
        }
        Ok(PyString::new(py, &String::from_utf8_lossy(&bytes)).into_any())
    }

    /// The network (or the part the filter keeps) as `(nodes, edges)` with the GraphML
    /// export's attributes.
    #[pyo3(signature = (filter=None))]
    fn network<'py>(&self, py: Python<'py>, filter: Option<&Bound<'py, PyDict>>) -> PyResult<Bound<'py, PyTuple>> {
        let filter = values::filter(filter)?;
        let graph = self.graph()?;
        let net = py.detach(move || Network::load_filtered(&graph, &filter, true)).map_err(graph_error)?;
        values::network(py, &net)
    }

    /// Number of documents in the store.
    fn document_count(&self, py: Python<'_>) -> PyResult<usize> {
        let graph = self.graph()?;
        py.detach(move || graph.document_count()).map_err(graph_error)
    }

    /// Number of quads in the store.
    fn quad_count(&self, py: Python<'_>) -> PyResult<usize> {
        let graph = self.graph()?;
        py.detach(move || graph.quad_count()).map_err(graph_error)
    }
}
