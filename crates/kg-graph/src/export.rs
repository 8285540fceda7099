//! Exports: RDF (Turtle, N-Triples, N-Quads, TriG, RDF/XML, JSON-LD), diagrams (DOT,
//! SVG, PNG through Graphviz) and analytics tables (GraphML, CSV, node-link JSON).
//! Every export takes the same filters ([`Filter`]); without filters the RDF formats
//! dump the whole store.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::{NamedNodeRef, NamedOrBlankNode, Quad, Term, Triple};

use crate::dot::{render, write_dot, DotOptions};
use crate::error::{GraphError, Result};
use crate::network::{Filter, Network};
use crate::query::select_rows;
use crate::store::KnowledgeGraph;
use crate::tables::{write_edges_csv, write_graphml, write_node_link, write_nodes_csv};
use crate::vocab::{owl, rdf, rdfs, skos, PREFIXES};

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Turtle: every distinct triple of every graph (graph names dropped).
    Turtle,
    /// N-Triples: as Turtle, one triple per line.
    NTriples,
    /// RDF/XML: as Turtle.
    RdfXml,
    /// N-Quads: every quad with its document graph.
    NQuads,
    /// TriG: every graph, named.
    TriG,
    /// JSON-LD: every graph, named.
    JsonLd,
    /// Graphviz DOT.
    Dot,
    /// SVG rendered by Graphviz.
    Svg,
    /// PNG rendered by Graphviz.
    Png,
    /// GraphML with typed attributes.
    GraphMl,
    /// networkx node-link JSON.
    NodeLink,
}

impl ExportFormat {
    /// Every format with the name `kg export --format` gives it.
    pub const NAMES: [(&'static str, ExportFormat); 11] = [
        ("turtle", ExportFormat::Turtle),
        ("ntriples", ExportFormat::NTriples),
        ("rdfxml", ExportFormat::RdfXml),
        ("nquads", ExportFormat::NQuads),
        ("trig", ExportFormat::TriG),
        ("jsonld", ExportFormat::JsonLd),
        ("dot", ExportFormat::Dot),
        ("svg", ExportFormat::Svg),
        ("png", ExportFormat::Png),
        ("graphml", ExportFormat::GraphMl),
        ("json", ExportFormat::NodeLink),
    ];

    /// The format named `name` (as `kg export --format` names it), case-insensitively.
    pub fn from_name(name: &str) -> Result<ExportFormat> {
        Self::NAMES.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, f)| *f).ok_or_else(|| {
            let known: Vec<&str> = Self::NAMES.iter().map(|(n, _)| *n).collect();
            GraphError::Invalid(format!("unknown export format {name:?}: expected one of {}", known.join(", ")))
        })
    }

    /// True for formats that are bytes, not text (PNG).
    pub fn is_binary(self) -> bool {
        self == ExportFormat::Png
    }
}

/// What to export and how.
#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    /// Which part of the graph.
    pub filter: Filter,
    /// Diagram options.
    pub dot: DotOptions,
}

fn rdf_format(format: ExportFormat) -> Option<RdfFormat> {
    Some(match format {
        ExportFormat::Turtle => RdfFormat::Turtle,
        ExportFormat::NTriples => RdfFormat::NTriples,
        ExportFormat::RdfXml => RdfFormat::RdfXml,
        ExportFormat::NQuads => RdfFormat::NQuads,
        ExportFormat::TriG => RdfFormat::TriG,
        ExportFormat::JsonLd => RdfFormat::JsonLd { profile: JsonLdProfileSet::empty() },
        _ => return None,
    })
}

fn serializer(format: RdfFormat) -> Result<RdfSerializer> {
    let mut s = RdfSerializer::from_format(format);
    if matches!(format, RdfFormat::Turtle | RdfFormat::TriG | RdfFormat::RdfXml) {
        for (p, iri) in PREFIXES {
            // RDF/XML cannot abbreviate IRIs whose local part has a slash; the entity
            // namespaces are fine as they are, so only the vocabulary prefixes go there.
            if format == RdfFormat::RdfXml && !matches!(*p, "kg" | "schema" | "rdf" | "rdfs" | "skos" | "xsd" | "owl") {
                continue;
            }
            s = s.with_prefix(*p, *iri)?;
        }
    }
    Ok(s)
}

fn serializer_error(e: oxigraph::store::SerializerError) -> GraphError {
    match e {
        oxigraph::store::SerializerError::Io(io) => GraphError::Io(io),
        oxigraph::store::SerializerError::Storage(s) => GraphError::Storage(s),
        other => GraphError::Invalid(other.to_string()),
    }
}

/// Writes the store, or the part of it the filter keeps, in `format`.
pub fn export(kg: &KnowledgeGraph, format: ExportFormat, options: &ExportOptions, out: &mut dyn Write) -> Result<()> {
    if let Some(rdf) = rdf_format(format) {
        let quads = if options.filter.is_empty() { None } else { Some(filtered_quads(kg, &options.filter)?) };
        return write_rdf(kg, rdf, quads, out);
    }
    let keep_isolated = !matches!(format, ExportFormat::Dot | ExportFormat::Svg | ExportFormat::Png);
    let net = Network::load_filtered(kg, &options.filter, keep_isolated)?;
    match format {
        ExportFormat::Dot => write_dot(&net, options.dot, out),
        ExportFormat::Svg | ExportFormat::Png => {
            let mut dot = Vec::new();
            write_dot(&net, options.dot, &mut dot)?;
            render(&dot, if format == ExportFormat::Svg { "svg" } else { "png" }, out)
        }
        ExportFormat::GraphMl => write_graphml(&net, out),
        ExportFormat::NodeLink => write_node_link(&net, out),
        _ => unreachable!("RDF formats are handled above"),
    }
}

/// Writes `nodes.csv` and `edges.csv` into `dir` (created if needed).
pub fn export_csv(kg: &KnowledgeGraph, options: &ExportOptions, dir: &Path) -> Result<(PathBuf, PathBuf)> {
    std::fs::create_dir_all(dir)?;
    let net = Network::load_filtered(kg, &options.filter, true)?;
    let nodes = dir.join("nodes.csv");
    let edges = dir.join("edges.csv");
    let mut w = std::io::BufWriter::new(std::fs::File::create(&nodes)?);
    write_nodes_csv(&net, &mut w)?;
    w.flush()?;
    let mut w = std::io::BufWriter::new(std::fs::File::create(&edges)?);
    write_edges_csv(&net, &mut w)?;
    w.flush()?;
    Ok((nodes, edges))
}

fn write_rdf(kg: &KnowledgeGraph, format: RdfFormat, quads: Option<Vec<Quad>>, out: &mut dyn Write) -> Result<()> {
    match (quads, format.supports_datasets()) {
        (None, true) => {
            kg.store().dump_to_writer(serializer(format)?, &mut *out).map_err(serializer_error)?;
        }
        (None, false) => {
            let mut w = serializer(format)?.for_writer(&mut *out);
            for t in distinct_triples(kg)? {
                w.serialize_triple(&t)?;
            }
            w.finish()?;
        }
        (Some(quads), true) => {
            let mut w = serializer(format)?.for_writer(&mut *out);
            for q in &quads {
                w.serialize_quad(q)?;
            }
            w.finish()?;
        }
        (Some(quads), false) => {
            let mut seen = HashSet::new();
            let mut w = serializer(format)?.for_writer(&mut *out);
            for t in quads.into_iter().map(Triple::from) {
                if seen.insert(t.clone()) {
                    w.serialize_triple(&t)?;
                }
            }
            w.finish()?;
        }
    }
    Ok(())
}

/// The quads that describe the filtered network: each entity's type, label, aliases and
/// links, each relation's direct triple and its statement with provenance, in their graphs.
fn filtered_quads(kg: &KnowledgeGraph, filter: &Filter) -> Result<Vec<Quad>> {
    let net = Network::load_filtered(kg, filter, true)?;
    let described = [rdf::TYPE, rdfs::LABEL, skos::ALT_LABEL, owl::SAME_AS];
    let mut out: Vec<Quad> = Vec::new();
    let mut seen: HashSet<Quad> = HashSet::new();
    let mut add = |q: Quad| {
        if seen.insert(q.clone()) {
            out.push(q);
        }
    };
    let store = kg.store();
    for n in &net.nodes {
        let s = NamedNodeRef::new(&n.iri)?;
        for q in store.quads_for_pattern(Some(s.into()), None, None, None) {
            let q = q?;
            if described.contains(&q.predicate.as_ref()) {
                add(q);
            }
        }
    }
    for e in &net.edges {
        for ev in &e.evidence {
            let st = NamedNodeRef::new(&ev.statement)?;
            let mut direct = None;
            for q in store.quads_for_pattern(Some(st.into()), None, None, None) {
                let q = q?;
                if q.predicate == rdf::PREDICATE {
                    direct = Some(q.graph_name.clone());
                }
                add(q);
            }
            if let (Some(g), Ok(s), Ok(o)) =
                (direct, NamedNodeRef::new(&net.nodes[e.source].iri), NamedNodeRef::new(&net.nodes[e.target].iri))
            {
                add(Quad::new(s, crate::vocab::kg(e.predicate.name()), o, g));
            }
        }
    }
    Ok(out)
}

/// Every distinct triple of the store, whatever its graph.
pub fn distinct_triples(kg: &KnowledgeGraph) -> Result<Vec<Triple>> {
    let rows = select_rows(kg, "SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }")?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let (Some(s), Some(Term::NamedNode(p)), Some(o)) = (r[0].clone(), r[1].clone(), r[2].clone()) else { continue };
        let s: NamedOrBlankNode = match s {
            Term::NamedNode(n) => n.into(),
            Term::BlankNode(b) => b.into(),
            _ => continue,
        };
        out.push(Triple::new(s, p, o));
    }
    Ok(out)
}

/// Writes quads built without a store (for `kg extract`) a document at a time:
/// as N-Quads (with graphs), or as Turtle or N-Triples (triples).
pub struct StreamWriter<W: Write> {
    inner: oxigraph::io::WriterQuadSerializer<W>,
    quads: bool,
}

impl<W: Write> StreamWriter<W> {
    /// A writer of `format` (Turtle, N-Triples or N-Quads) into `out`.
    pub fn new(format: RdfFormat, out: W) -> Result<Self> {
        Ok(StreamWriter { inner: serializer(format)?.for_writer(out), quads: format.supports_datasets() })
    }

    /// Writes one document's quads.
    pub fn write(&mut self, quads: &[Quad]) -> Result<()> {
        for q in quads {
            if self.quads {
                self.inner.serialize_quad(q)?;
            } else {
                self.inner.serialize_triple(oxigraph::model::TripleRef::new(&q.subject, &q.predicate, &q.object))?;
            }
        }
        Ok(())
    }

    /// Ends the output and returns the writer.
    pub fn finish(self) -> Result<W> {
        Ok(self.inner.finish()?)
    }
}
