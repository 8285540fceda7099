//! `kg remove`: drop documents from the store.

use anyhow::Result;

use crate::cli::RemoveArgs;

/// Runs `kg remove`.
pub fn run(args: RemoveArgs) -> Result<()> {
    let kg = crate::store_arg::open_existing(&args.store)?;
    let mut missing = Vec::new();
    for id in &args.ids {
        if kg.remove_document(id)? {
            println!("removed {id}");
        } else {
            missing.push(id.as_str());
        }
    }
    // Types follow the documents that are left.
    crate::ingest_cmd::report_revision(&kg_graph::revise::revise(&kg)?);
    kg.flush()?;
    if !missing.is_empty() {
        anyhow::bail!("{}: no such document in {}", missing.join(", "), args.store.display());
    }
    Ok(())
}
