//! Whole-store exports in the RDF formats and as a Graphviz diagram.

use std::io::Write;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{NamedOrBlankNode, Term, Triple};

use crate::error::{GraphError, Result};
use crate::query::select_rows;
use crate::store::KnowledgeGraph;
use crate::vocab::PREFIXES;

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Turtle: every distinct triple of every graph (graph names dropped).
    Turtle,
    /// N-Triples: as Turtle, one triple per line.
    NTriples,
    /// N-Quads: every quad with its document graph.
    NQuads,
    /// TriG: every graph, named.
    TriG,
    /// Graphviz DOT: entities as nodes, relations as edges.
    Dot,
}

fn serializer(format: RdfFormat) -> Result<RdfSerializer> {
    let mut s = RdfSerializer::from_format(format);
    if matches!(format, RdfFormat::Turtle | RdfFormat::TriG) {
        for (p, iri) in PREFIXES {
            s = s.with_prefix(*p, *iri)?;
        }
    }
    Ok(s)
}

/// Writes the whole store in `format`.
pub fn export(kg: &KnowledgeGraph, format: ExportFormat, out: &mut dyn Write) -> Result<()> {
    match format {
        ExportFormat::Turtle | ExportFormat::NTriples => {
            let rdf = if format == ExportFormat::Turtle { RdfFormat::Turtle } else { RdfFormat::NTriples };
            let mut w = serializer(rdf)?.for_writer(&mut *out);
            for t in distinct_triples(kg)? {
                w.serialize_triple(&t)?;
            }
            w.finish()?;
        }
        ExportFormat::NQuads | ExportFormat::TriG => {
            let rdf = if format == ExportFormat::NQuads { RdfFormat::NQuads } else { RdfFormat::TriG };
            kg.store().dump_to_writer(serializer(rdf)?, &mut *out).map_err(|e| match e {
                oxigraph::store::SerializerError::Io(io) => GraphError::Io(io),
                oxigraph::store::SerializerError::Storage(s) => GraphError::Storage(s),
                other => GraphError::Invalid(other.to_string()),
            })?;
        }
        ExportFormat::Dot => crate::dot::write_dot(kg, out)?,
    }
    Ok(())
}

/// Every distinct triple of the store, whatever its graph.
pub fn distinct_triples(kg: &KnowledgeGraph) -> Result<Vec<Triple>> {
    let rows = select_rows(kg, "SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }")?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let (Some(s), Some(Term::NamedNode(p)), Some(o)) = (r[0].clone(), r[1].clone(), r[2].clone()) else {
            continue;
        };
        let s: NamedOrBlankNode = match s {
            Term::NamedNode(n) => n.into(),
            Term::BlankNode(b) => b.into(),
            _ => continue,
        };
        out.push(Triple::new(s, p, o));
    }
    Ok(out)
}

/// Writes quads built without a store (for `kg extract`) as Turtle or N-Triples triples.
pub fn write_triples(quads: &[oxigraph::model::Quad], turtle: bool, out: &mut dyn Write) -> Result<()> {
    let mut w = serializer(if turtle { RdfFormat::Turtle } else { RdfFormat::NTriples })?.for_writer(&mut *out);
    for q in quads {
        w.serialize_triple(oxigraph::model::TripleRef::new(&q.subject, &q.predicate, &q.object))?;
    }
    w.finish()?;
    Ok(())
}
