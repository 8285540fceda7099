//! `kg entities`: entities with their aliases and document counts (aliases a JSON array
//! in JSON, joined in tables and CSV).

use std::io::Write;

use anyhow::Result;
use kg_graph::entities::{merges, search};
use serde_json::json;

use crate::cli::EntitiesArgs;
use crate::table_out::{write_table, Table};

/// Runs `kg entities`.
pub fn run(args: EntitiesArgs) -> Result<()> {
    let kg = crate::store_arg::open_existing(&args.store)?;
    if let Some(name) = &args.merges {
        return list_merges(&kg, name, &args);
    }
    let found = search(&kg, args.search.as_deref().unwrap_or(""), args.entity_type, args.limit)?;
    let rows = found
        .iter()
        .map(|e| {
            vec![
                json!(kg_graph::vocab::compact(&e.iri)),
                json!(e.label),
                json!(e.entity_type.map(|t| t.as_str())),
                json!(e.aliases),
                json!(e.documents),
            ]
        })
        .collect();
    print(&Table { columns: vec!["entity", "label", "type", "aliases", "documents"], rows }, &args)
}

/// `kg entities --merges NAME`: the node's merges from other documents.
fn list_merges(kg: &kg_graph::KnowledgeGraph, name: &str, args: &EntitiesArgs) -> Result<()> {
    let wanted = kg_graph::vocab::expand(name);
    let Some(iri) = kg_graph::paths::find_entity(kg, &wanted, &kg_graph::network::Filter::default())? else {
        anyhow::bail!("{}: no entity is named {name:?}", args.store.display());
    };
    let rows = merges(kg, &iri)?
        .iter()
        .map(|m| vec![json!(kg_graph::vocab::compact(&iri)), json!(m.document), json!(m.local_label), json!(m.method), json!(m.confidence)])
        .collect();
    print(&Table { columns: vec!["entity", "document", "name in the document", "method", "confidence"], rows }, args)
}

fn print(table: &Table, args: &EntitiesArgs) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    write_table(table, args.format, &mut out)?;
    out.flush()?;
    Ok(())
}
