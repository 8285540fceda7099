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
/// when opened (opened again when a writer has compacted its files away).
#[pyclass(module = "newskg._newskg")]
pub struct Store {
    path: PathBuf,
    graph: RwLock<Option<KnowledgeGraph>>,
}

/// True for the error of a read-only store whose files a writer (`kg ingest`) has
/// compacted away since it was opened.
fn is_stale(e: &kg_graph::GraphError) -> bool {
    let text = e.to_string();
    text.contains("No such file or directory") && text.contains(".sst")
}

impl Store {
    /// The open store, or an error once closed.
    fn graph(&self) -> PyResult<KnowledgeGraph> {
        let graph = self.graph.read().map_err(|_| KgError::new_err("the store's lock is poisoned"))?;
        graph.clone().ok_or_else(|| KgError::new_err(format!("{}: the store is closed", self.path.display())))
    }

    /// Runs `work` on the store without the GIL. When a writer has compacted away files
    /// the store read when opened, the store is opened again (it then sees the writer's
    /// changes) and `work` runs once more.
    fn run<T: Send>(&self, py: Python<'_>, work: impl Fn(&KnowledgeGraph) -> kg_graph::Result<T> + Send + Sync) -> PyResult<T> {
        let graph = self.graph()?;
        match py.detach(|| work(&graph)) {
            Err(e) if is_stale(&e) => {
                let dir = self.path.clone();
                let fresh = py.detach(move || KnowledgeGraph::open_read_only(&dir)).map_err(graph_error)?;
                *self.graph.write().map_err(|_| KgError::new_err("the store's lock is poisoned"))? = Some(fresh.clone());
                py.detach(|| work(&fresh)).map_err(graph_error)
            }
            result => result.map_err(graph_error),
        }
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
        let found = self.run(py, |graph| answer(graph, &sparql))?;
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
        let found = self.run(py, |graph| search(graph, search_text, wanted, limit))?;
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
        let wanted = kg_graph::vocab::expand(name);
        let found = self.run(py, |graph| -> kg_graph::Result<Option<(String, Vec<kg_graph::entities::Merge>)>> {
            let Some(iri) = kg_graph::paths::find_entity(graph, &wanted, &Filter::default())? else { return Ok(None) };
            Ok(Some((iri.clone(), merges(graph, &iri)?)))
        })?;
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
        let bytes = self.run(py, |graph| {
            let mut out = Vec::new();
            export(graph, format, &options, &mut out)?;
            Ok(out)
        })?;
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
        let net = self.run(py, |graph| Network::load_filtered(graph, &filter, true))?;
        values::network(py, &net)
    }

    /// Number of documents in the store.
    fn document_count(&self, py: Python<'_>) -> PyResult<usize> {
        self.run(py, KnowledgeGraph::document_count)
    }

    /// Number of quads in the store.
    fn quad_count(&self, py: Python<'_>) -> PyResult<usize> {
        self.run(py, KnowledgeGraph::quad_count)
    }
}
