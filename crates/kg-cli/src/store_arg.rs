//! Opening the store named by `--store` for commands that read it.

use std::path::Path;

use anyhow::Result;
use kg_graph::KnowledgeGraph;

/// Opens an existing store; a missing one is an error rather than a new empty store.
pub fn open_existing(dir: &Path) -> Result<KnowledgeGraph> {
    if !dir.is_dir() {
        anyhow::bail!("{}: no store here (run `kg ingest` first, or give --store)", dir.display());
    }
    Ok(KnowledgeGraph::open(dir)?)
}
