//! The network for analytics tools: GraphML with typed attributes (Gephi, Cytoscape,
//! networkx), CSV node and edge tables (pandas, polars, DuckDB) and node-link JSON
//! (networkx `node_link_graph`, D3).

use std::io::Write;

use serde_json::json;

use crate::error::Result;
use crate::network::{Edge, Network, Node};

/// Whether XML 1.0 can carry a character at all (escaped or not).
pub fn is_xml_char(c: char) -> bool {
    ((c as u32) >= 0x20 || matches!(c, '\t' | '\n' | '\r')) && !matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// Escapes text for XML and HTML content and attributes; drops characters XML cannot carry.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|&c| is_xml_char(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

fn mean_goldstein(e: &Edge) -> Option<f64> {
    let values: Vec<f64> = e.evidence.iter().filter_map(|x| x.goldstein).collect();
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// The value of a GraphML attribute.
#[derive(Debug, Clone, PartialEq)]
pub enum Attribute<'a> {
    /// Text (`string`).
    Text(&'a str),
    /// A count (`int`).
    Int(usize),
    /// A number (`double`), written as it is.
    Double(f64),
    /// A number (`double`) written with two decimals: [`Attribute::value`] gives it rounded so.
    Rounded(f64),
}

impl Attribute<'_> {
    /// The number as a reader of the GraphML gets it (two-decimal values rounded).
    pub fn number(&self) -> Option<f64> {
        match self {
            Attribute::Int(n) => Some(*n as f64),
            Attribute::Double(x) => Some(*x),
            Attribute::Rounded(x) => format!("{x:.2}").parse().ok(),
            Attribute::Text(_) => None,
        }
    }

    fn write_xml(&self, out: &mut dyn Write) -> std::io::Result<()> {
        match self {
            Attribute::Text(t) => write!(out, "{}", xml_escape(t)),
            Attribute::Int(n) => write!(out, "{n}"),
            Attribute::Double(x) => write!(out, "{x}"),
            Attribute::Rounded(x) => write!(out, "{x:.2}"),
        }
    }
}

/// GraphML attribute keys: (key, for, attr.name, attr.type).
const GRAPHML_KEYS: [(&str, &str, &str, &str); 12] = [
    ("label", "node", "label", "string"),
    ("type", "node", "type", "string"),
    ("node_documents", "node", "documents", "int"),
    ("predicate", "edge", "predicate", "string"),
    ("family", "edge", "family", "string"),
    ("documents", "edge", "documents", "int"),
    ("weight", "edge", "weight", "double"),
    ("confidence", "edge", "confidence", "double"),
    ("goldstein", "edge", "goldstein", "double"),
    ("first_date", "edge", "first_date", "string"),
    ("last_date", "edge", "last_date", "string"),
    ("sentence", "edge", "sentence", "string"),
];

/// A node's attributes as the GraphML export (and the Python package's networkx graph)
/// gives them: (attribute name, value).
pub fn node_attributes(n: &Node) -> Vec<(&'static str, Attribute<'_>)> {
    vec![
        ("label", Attribute::Text(&n.label)),
        ("type", Attribute::Text(n.entity_type.map(|t| t.as_str()).unwrap_or(""))),
        ("documents", Attribute::Int(n.documents)),
    ]
}

/// An edge's attributes as the GraphML export gives them; absent values are left out.
pub fn edge_attributes(e: &Edge) -> Vec<(&'static str, Attribute<'_>)> {
    let mut attributes = vec![
        ("predicate", Attribute::Text(e.predicate.name())),
        ("family", Attribute::Text(e.family().name())),
        ("documents", Attribute::Int(e.documents())),
        ("weight", Attribute::Double(e.documents() as f64)),
        ("confidence", Attribute::Rounded(e.confidence())),
    ];
    if let Some(g) = mean_goldstein(e) {
        attributes.push(("goldstein", Attribute::Rounded(g)));
    }
    if let (Some(first), Some(last)) = e.date_range() {
        attributes.push(("first_date", Attribute::Text(first)));
        attributes.push(("last_date", Attribute::Text(last)));
    }
    if let Some(s) = e.evidence.first() {
        attributes.push(("sentence", Attribute::Text(&s.sentence)));
    }
    attributes
}

/// The GraphML key of an attribute of nodes or edges.
fn graphml_key(domain: &str, name: &str) -> &'static str {
    GRAPHML_KEYS.iter().find(|(_, d, n, _)| *d == domain && *n == name).map(|(key, ..)| *key).unwrap_or("unknown")
}

/// Writes a node's or an edge's attributes as GraphML `<data>` elements.
fn write_data(out: &mut dyn Write, domain: &str, attributes: &[(&'static str, Attribute<'_>)]) -> std::io::Result<()> {
    for (name, value) in attributes {
        write!(out, "      <data key=\"{}\">", graphml_key(domain, name))?;
        value.write_xml(out)?;
        writeln!(out, "</data>")?;
    }
    Ok(())
}

/// Writes GraphML: a directed multigraph, node ids are entity IRIs.
pub fn write_graphml(net: &Network, out: &mut dyn Write) -> Result<()> {
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(out, "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">")?;
    for (id, domain, name, ty) in GRAPHML_KEYS {
        writeln!(out, "  <key id=\"{id}\" for=\"{domain}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>")?;
    }
    writeln!(out, "  <graph id=\"knowledge_graph\" edgedefault=\"directed\">")?;
    for n in &net.nodes {
        writeln!(out, "    <node id=\"{}\">", xml_escape(&n.iri))?;
        write_data(out, "node", &node_attributes(n))?;
        writeln!(out, "    </node>")?;
    }
    for (k, e) in net.edges.iter().enumerate() {
        writeln!(
            out,
            "    <edge id=\"e{k}\" source=\"{}\" target=\"{}\">",
            xml_escape(&net.nodes[e.source].iri),
            xml_escape(&net.nodes[e.target].iri)
        )?;
        write_data(out, "edge", &edge_attributes(e))?;
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")?;
    Ok(())
}

/// A CSV writer as the exports write CSV: fields quoted only where needed (a comma, a
/// quote or a line break), lines ended by `\n`.
pub fn csv_writer<W: Write>(out: W) -> csv::Writer<W> {
    csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(out)
}

/// Writes the node table: `id,label,type,documents,degree`.
pub fn write_nodes_csv(net: &Network, out: &mut dyn Write) -> Result<()> {
    let degrees = net.degrees();
    let mut w = csv_writer(out);
    w.write_record(["id", "label", "type", "documents", "degree"])?;
    for (k, n) in net.nodes.iter().enumerate() {
        let entity_type = n.entity_type.map(|t| t.as_str()).unwrap_or("");
        w.write_record([n.iri.as_str(), n.label.as_str(), entity_type, &n.documents.to_string(), &degrees[k].to_string()])?;
    }
    w.flush()?;
    Ok(())
}

/// Writes the edge table: one row per relation with its evidence summarised.
pub fn write_edges_csv(net: &Network, out: &mut dyn Write) -> Result<()> {
    let mut w = csv_writer(out);
    w.write_record([
        "source",
        "target",
        "source_label",
        "target_label",
        "predicate",
        "family",
        "documents",
        "confidence",
        "goldstein",
        "first_date",
        "last_date",
        "sentence",
    ])?;
    for e in &net.edges {
        let (first, last) = e.date_range();
        let (source, target) = (&net.nodes[e.source], &net.nodes[e.target]);
        w.write_record([
            source.iri.as_str(),
            target.iri.as_str(),
            source.label.as_str(),
            target.label.as_str(),
            e.predicate.name(),
            e.family().name(),
            &e.documents().to_string(),
            &format!("{:.2}", e.confidence()),
            &mean_goldstein(e).map(|g| format!("{g:.2}")).unwrap_or_default(),
            first.unwrap_or(""),
            last.unwrap_or(""),
            e.evidence.first().map(|x| x.sentence.as_str()).unwrap_or(""),
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// Writes node-link JSON as networkx's `node_link_data` makes it (directed multigraph,
/// edges under `links`).
pub fn write_node_link(net: &Network, out: &mut dyn Write) -> Result<()> {
    let nodes: Vec<_> = net
        .nodes
        .iter()
        .map(|n| json!({"id": n.iri, "label": n.label, "type": n.entity_type.map(|t| t.as_str()), "documents": n.documents}))
        .collect();
    let mut keys = std::collections::HashMap::new();
    let links: Vec<_> = net
        .edges
        .iter()
        .map(|e| {
            let key = keys.entry((e.source, e.target)).and_modify(|k| *k += 1).or_insert(0usize);
            let (first, last) = e.date_range();
            json!({
                "source": net.nodes[e.source].iri, "target": net.nodes[e.target].iri, "key": *key,
                "predicate": e.predicate.name(), "family": e.family().name(), "documents": e.documents(),
                "confidence": e.confidence(), "goldstein": mean_goldstein(e), "first_date": first, "last_date": last,
                "evidence": e.evidence.iter().map(|x| json!({"document": x.document, "sentence": x.sentence, "date": x.date, "confidence": x.confidence})).collect::<Vec<_>>(),
            })
        })
        .collect();
    let doc = json!({"directed": true, "multigraph": true, "graph": {"name": "knowledge_graph"}, "nodes": nodes, "links": links});
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(|e| crate::GraphError::Io(std::io::Error::other(e)))?;
    writeln!(out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_for_xml_and_csv() {
        assert_eq!(xml_escape("<a & \"b\"\u{1}>"), "&lt;a &amp; &quot;b&quot;&gt;");
        let mut w = csv_writer(Vec::new());
        w.write_record(["a,\"b\"", "plain", "two\nlines"]).expect("write");
        let text = String::from_utf8(w.into_inner().expect("flush")).expect("UTF-8");
        assert_eq!(text, "\"a,\"\"b\"\"\",plain,\"two\nlines\"\n");
    }
}
