//! The graph as a Graphviz diagram: entities as nodes (label; shape and colour by
//! type), relations as labelled edges coloured by family, so cooperation and
//! conflict read apart at a glance; edge width grows with the number of documents
//! that state the relation. A legend explains the colours.

use std::collections::HashMap;
use std::io::Write;

use kg_extract::vocabulary::{is_symmetric, predicate};
use kg_extract::EntityType;
use oxigraph::model::Term;

use crate::error::Result;
use crate::query::select_rows;
use crate::store::KnowledgeGraph;
use crate::vocab::{type_of_class, ENTITY, KG};

/// Fill colour and shape of a node of this type.
pub fn node_style(t: Option<EntityType>) -> (&'static str, &'static str) {
    match t {
        Some(EntityType::Person) => ("#cfe2ff", "ellipse"),
        Some(EntityType::Organization) => ("#ffe0b2", "box"),
        Some(EntityType::Country) => ("#c8e6c9", "hexagon"),
        Some(EntityType::City) => ("#f8bbd0", "oval"),
        Some(EntityType::Location) => ("#e1bee7", "parallelogram"),
        Some(EntityType::Group) => ("#fff9c4", "octagon"),
        None => ("#eeeeee", "ellipse"),
    }
}

/// Edge colour of a relation family.
pub fn family_color(family: &str) -> &'static str {
    match family {
        "verbalCooperation" => "#1b9e77",
        "materialCooperation" => "#006d2c",
        "verbalConflict" => "#e6550d",
        "materialConflict" => "#b2182b",
        "affiliation" => "#3949ab",
        "structure" => "#757575",
        "alliance" => "#7b1fa2",
        _ => "#000000",
    }
}

/// Escapes a string for a double-quoted DOT attribute.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn iri(t: &Option<Term>) -> Option<String> {
    match t {
        Some(Term::NamedNode(n)) => Some(n.as_str().to_string()),
        _ => None,
    }
}

fn text(t: &Option<Term>) -> String {
    match t {
        Some(Term::Literal(l)) => l.value().to_string(),
        Some(Term::NamedNode(n)) => n.as_str().to_string(),
        _ => String::new(),
    }
}

/// Writes the DOT diagram of all entities that take part in a relation.
pub fn write_dot(kg: &KnowledgeGraph, out: &mut dyn Write) -> Result<()> {
    let edges = select_rows(
        kg,
        &format!(
            "SELECT ?s ?p ?o (COUNT(DISTINCT ?g) AS ?docs) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} \
             FILTER(STRSTARTS(STR(?p), \"{KG}\") && isIRI(?o) && STRSTARTS(STR(?o), \"{ENTITY}\") && STRSTARTS(STR(?s), \"{ENTITY}\")) }} \
             GROUP BY ?s ?p ?o ORDER BY ?s ?p ?o"
        ),
    )?;
    let nodes = select_rows(
        kg,
        &format!("SELECT ?e (SAMPLE(?l) AS ?label) (SAMPLE(?t) AS ?type) WHERE {{ ?e rdfs:label ?l ; a ?t FILTER(STRSTARTS(STR(?e), \"{ENTITY}\")) }} GROUP BY ?e"),
    )?;
    let info: HashMap<String, (String, Option<EntityType>)> =
        nodes.iter().filter_map(|r| Some((iri(&r[0])?, (text(&r[1]), iri(&r[2]).and_then(|c| type_of_class(&c)))))).collect();
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    for r in &edges {
        for t in [&r[0], &r[2]] {
            if let Some(i) = iri(t) {
                if !ids.contains_key(&i) {
                    ids.insert(i.clone(), order.len());
                    order.push(i);
                }
            }
        }
    }
    writeln!(out, "digraph knowledge_graph {{")?;
    writeln!(out, "  graph [rankdir=LR, fontname=\"Helvetica\", overlap=false, splines=true, nodesep=0.3, ranksep=0.6];")?;
    writeln!(out, "  node [fontname=\"Helvetica\", fontsize=11, style=filled, color=\"#555555\"];")?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];")?;
    for (n, i) in order.iter().enumerate() {
        let (label, t) = info.get(i).cloned().unwrap_or_else(|| (i.rsplit('/').next().unwrap_or(i).to_string(), None));
        let (fill, shape) = node_style(t);
        let tooltip = t.map(EntityType::as_str).unwrap_or("entity");
        writeln!(
            out,
            "  n{n} [label=\"{}\", shape={shape}, fillcolor=\"{fill}\", tooltip=\"{}\", URL=\"{}\"];",
            escape(&label),
            tooltip,
            escape(i)
        )?;
    }
    for r in &edges {
        let (Some(s), Some(p), Some(o)) = (iri(&r[0]), iri(&r[1]), iri(&r[2])) else {
            continue;
        };
        let local = p.strip_prefix(KG).unwrap_or(&p);
        let family = predicate(local).map(|x| x.family).unwrap_or("");
        let docs: f64 = text(&r[3]).parse().unwrap_or(1.0);
        let width = 1.0 + docs.ln() * 1.5;
        let dir = if is_symmetric(local) { ", dir=none" } else { "" };
        writeln!(
            out,
            "  n{} -> n{} [label=\"{}\", color=\"{c}\", fontcolor=\"{c}\", penwidth={width:.2}{dir}];",
            ids[&s],
            ids[&o],
            escape(local),
            c = family_color(family)
        )?;
    }
    write_legend(out)?;
    writeln!(out, "}}")?;
    Ok(())
}

fn write_legend(out: &mut dyn Write) -> Result<()> {
    let mut rows = String::new();
    for (family, label) in [
        ("verbalCooperation", "verbal cooperation"),
        ("materialCooperation", "material cooperation"),
        ("verbalConflict", "verbal conflict"),
        ("materialConflict", "material conflict"),
        ("affiliation", "affiliation (leader, member)"),
        ("structure", "structure (part of, located in)"),
        ("alliance", "alliance (partners)"),
    ] {
        rows.push_str(&format!("<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"{}\">&#9473;&#9473; {label}</FONT></TD></TR>", family_color(family)));
    }
    for t in EntityType::ALL {
        let (fill, _) = node_style(Some(t));
        rows.push_str(&format!("<TR><TD ALIGN=\"LEFT\" BGCOLOR=\"{fill}\">{}</TD></TR>", t.as_str()));
    }
    writeln!(out, "  subgraph cluster_legend {{ label=\"Legend\"; fontsize=10; color=\"#bbbbbb\";")?;
    writeln!(
        out,
        "    legend [shape=plaintext, style=\"\", label=<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\">{rows}</TABLE>>];"
    )?;
    writeln!(out, "  }}")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_quotes_backslashes_and_newlines() {
        assert_eq!(escape("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }
}
