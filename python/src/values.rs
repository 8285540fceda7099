//! Rust values as Python values: RDF terms, network attributes, filters.

use kg_graph::network::{Filter, Network};
use kg_graph::tables::{edge_attributes, node_attributes, Attribute};
use kg_model::EntityType;
use oxigraph::model::Term;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

use crate::errors::graph_error;

/// XML Schema datatypes whose values become Python `int`.
const INTEGER_TYPES: [&str; 13] = [
    "integer",
    "int",
    "long",
    "short",
    "byte",
    "nonNegativeInteger",
    "positiveInteger",
    "nonPositiveInteger",
    "negativeInteger",
    "unsignedLong",
    "unsignedInt",
    "unsignedShort",
    "unsignedByte",
];

/// An RDF term as a Python value: IRIs as `str`, blank nodes as `"_:id"`, numbers and
/// booleans as `int`, `float` and `bool`, every other literal as its text.
pub fn term<'py>(py: Python<'py>, term: &Term) -> PyResult<Bound<'py, PyAny>> {
    Ok(match term {
        Term::NamedNode(n) => n.as_str().into_pyobject(py)?.into_any(),
        Term::BlankNode(b) => format!("_:{}", b.as_str()).into_pyobject(py)?.into_any(),
        Term::Literal(l) => {
            let value = l.value();
            let datatype = l.datatype().as_str().strip_prefix("http://www.w3.org/2001/XMLSchema#").unwrap_or("");
            if INTEGER_TYPES.contains(&datatype) {
                if let Ok(n) = value.parse::<i64>() {
                    return Ok(n.into_pyobject(py)?.into_any());
                }
            } else if matches!(datatype, "decimal" | "double" | "float") {
                if let Ok(x) = value.parse::<f64>() {
                    return Ok(x.into_pyobject(py)?.into_any());
                }
            } else if datatype == "boolean" {
                return Ok(pyo3::types::PyBool::new(py, matches!(value, "true" | "1")).to_owned().into_any());
            }
            value.into_pyobject(py)?.into_any()
        }
        #[allow(unreachable_patterns)]
        other => other.to_string().into_pyobject(py)?.into_any(),
    })
}

/// A GraphML attribute as a Python value.
fn attribute<'py>(py: Python<'py>, value: &Attribute<'_>) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Attribute::Text(t) => t.into_pyobject(py)?.into_any(),
        Attribute::Int(n) => n.into_pyobject(py)?.into_any(),
        Attribute::Double(_) | Attribute::Rounded(_) => value.number().unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
    })
}

/// A network as `(nodes, edges)`: nodes `(iri, attributes)`, edges `(source, target, key,
/// attributes)` with the GraphML export's attributes and edge ids as keys.
pub fn network<'py>(py: Python<'py>, net: &Network) -> PyResult<Bound<'py, PyTuple>> {
    let nodes = PyList::empty(py);
    for n in &net.nodes {
        let attributes = PyDict::new(py);
        for (name, value) in node_attributes(n) {
            attributes.set_item(name, attribute(py, &value)?)?;
        }
        nodes.append((n.iri.as_str(), attributes))?;
    }
    let edges = PyList::empty(py);
    for (k, e) in net.edges.iter().enumerate() {
        let attributes = PyDict::new(py);
        for (name, value) in edge_attributes(e) {
            attributes.set_item(name, attribute(py, &value)?)?;
        }
        edges.append((net.nodes[e.source].iri.as_str(), net.nodes[e.target].iri.as_str(), format!("e{k}"), attributes))?;
    }
    PyTuple::new(py, [nodes.into_any(), edges.into_any()])
}

/// A filter from the keyword arguments the Python side collects (the options of `kg export`).
pub fn filter(options: Option<&Bound<'_, PyDict>>) -> PyResult<Filter> {
    let mut f = Filter::default();
    let Some(options) = options else { return Ok(f) };
    for (key, value) in options.iter() {
        if value.is_none() {
            continue;
        }
        let key: String = key.extract()?;
        match key.as_str() {
            "entity" => f.entity = Some(value.extract()?),
            "hops" => f.hops = Some(value.extract()?),
            "predicates" => f.predicates = Filter::predicates_named(&value.extract::<Vec<String>>()?).map_err(graph_error)?,
            "families" => f.families = Filter::families_named(&value.extract::<Vec<String>>()?).map_err(graph_error)?,
            "types" => {
                f.types = value
                    .extract::<Vec<String>>()?
                    .iter()
                    .map(|t| EntityType::parse(t).ok_or_else(|| PyValueError::new_err(format!("unknown entity type {t:?}"))))
                    .collect::<PyResult<_>>()?
            }
            "from_date" => f.from = Some(value.extract()?),
            "to_date" => f.to = Some(value.extract()?),
            "document" => f.document = Some(value.extract()?),
            "top" => f.top = Some(value.extract()?),
            other => return Err(PyValueError::new_err(format!("unknown filter option {other:?}"))),
        }
    }
    if f.entity.is_some() && f.hops.is_none() {
        f.hops = Some(1);
    }
    Ok(f)
}
