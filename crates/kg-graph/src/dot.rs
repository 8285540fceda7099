//! The graph as a Graphviz diagram: entities as nodes (label; shape and colour by
//! type), relations as labelled edges coloured by family, so cooperation and
//! conflict read apart at a glance; edge width grows with the number of documents
//! that state the relation, and edges can carry their dates. A legend explains the colours.

use std::io::Write;

use kg_model::EntityType;
use kg_model::Family;

use crate::error::Result;
use crate::network::Network;

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
pub fn family_color(family: Family) -> &'static str {
    match family {
        Family::VerbalCooperation => "#1b9e77",
        Family::MaterialCooperation => "#006d2c",
        Family::VerbalConflict => "#e6550d",
        Family::MaterialConflict => "#b2182b",
        Family::Affiliation => "#3949ab",
        Family::Structure => "#757575",
        Family::Alliance => "#7b1fa2",
    }
}

/// A family's name in a diagram's legend, with its predicates in words where there are few.
pub fn family_legend(family: Family) -> &'static str {
    match family {
        Family::VerbalCooperation => "verbal cooperation",
        Family::MaterialCooperation => "material cooperation",
        Family::VerbalConflict => "verbal conflict",
        Family::MaterialConflict => "material conflict",
        Family::Affiliation => "affiliation (leader, member)",
        Family::Structure => "structure (part of, located in)",
        Family::Alliance => "alliance (partners)",
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

/// Options of the diagram.
#[derive(Debug, Clone, Copy, Default)]
pub struct DotOptions {
    /// Show the date range of each relation under its label.
    pub edge_dates: bool,
}

/// Writes the DOT diagram of the entities that take part in a relation.
pub fn write_dot(net: &Network, options: DotOptions, out: &mut dyn Write) -> Result<()> {
    let mut used = vec![false; net.nodes.len()];
    for e in &net.edges {
        used[e.source] = true;
        used[e.target] = true;
    }
    writeln!(out, "digraph knowledge_graph {{")?;
    writeln!(out, "  graph [rankdir=LR, fontname=\"Helvetica\", overlap=false, splines=true, nodesep=0.3, ranksep=0.6];")?;
    writeln!(out, "  node [fontname=\"Helvetica\", fontsize=11, style=filled, color=\"#555555\"];")?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];")?;
    for (n, node) in net.nodes.iter().enumerate().filter(|(n, _)| used[*n]) {
        let (fill, shape) = node_style(node.entity_type);
        let tooltip = node.entity_type.map(EntityType::as_str).unwrap_or("entity");
        writeln!(
            out,
            "  n{n} [label=\"{}\", shape={shape}, fillcolor=\"{fill}\", tooltip=\"{tooltip}\", URL=\"{}\"];",
            escape(&node.label),
            escape(&node.iri)
        )?;
    }
    for e in &net.edges {
        let width = 1.0 + (e.documents() as f64).ln() * 1.5;
        let dir = if e.predicate.is_symmetric() { ", dir=none" } else { "" };
        let mut label = e.predicate.name().to_string();
        if options.edge_dates {
            match e.date_range() {
                (Some(a), Some(b)) if a != b => label.push_str(&format!("\n{a} – {b}")),
                (Some(a), _) => label.push_str(&format!("\n{a}")),
                _ => {}
            }
        }
        writeln!(
            out,
            "  n{} -> n{} [label=\"{}\", color=\"{c}\", fontcolor=\"{c}\", penwidth={width:.2}{dir}];",
            e.source,
            e.target,
            escape(&label),
            c = family_color(e.family())
        )?;
    }
    write_legend(out)?;
    writeln!(out, "}}")?;
    Ok(())
}

fn write_legend(out: &mut dyn Write) -> Result<()> {
    let mut rows = String::new();
    for family in Family::ALL {
        rows.push_str(&format!(
            "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"{}\">&#9473;&#9473; {}</FONT></TD></TR>",
            family_color(family),
            family_legend(family)
        ));
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

/// Renders DOT with Graphviz (`dot -Tsvg` or `-Tpng`).
pub fn render(dot_source: &[u8], format: &str, out: &mut dyn Write) -> Result<()> {
    use std::process::{Command, Stdio};
    let mut child = Command::new("dot")
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            crate::GraphError::Invalid(format!(
                "Graphviz is needed to render {format} ({e}): install it, e.g. `apt-get install graphviz`, or export --format dot"
            ))
        })?;
    let mut stdin = child.stdin.take().ok_or_else(|| crate::GraphError::Invalid("dot: no stdin".into()))?;
    let source = dot_source.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&source));
    let output = child.wait_with_output()?;
    writer.join().map_err(|_| crate::GraphError::Invalid("dot: writer thread failed".into()))??;
    if !output.status.success() {
        return Err(crate::GraphError::Invalid(format!("dot -T{format} failed: {}", String::from_utf8_lossy(&output.stderr).trim())));
    }
    out.write_all(&output.stdout)?;
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
