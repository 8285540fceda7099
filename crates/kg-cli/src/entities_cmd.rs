//! `kg entities`: entities with their aliases and document counts (aliases a JSON array
//! in JSON, joined in tables and CSV).

use std::io::Write;

use anyhow::Result;
use kg_graph::entities::search;
use serde_json::json;

use crate::cli::EntitiesArgs;
use crate::table_out::{write_table, Table};

/// Runs `kg entities`.
pub fn run(args: EntitiesArgs) -> Result<()> {
    let kg = crate::store_arg::open_existing(&args.store)?;
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
    let table = Table { columns: vec!["entity", "label", "type", "aliases", "documents"], rows };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    write_table(&table, args.format, &mut out)?;
    out.flush()?;
    Ok(())
}
