//! `kg query`: SPARQL against the store.

use std::io::Write;

use anyhow::{Context, Result};
use kg_graph::query::run_query;

use crate::cli::QueryArgs;

/// Runs `kg query`.
pub fn run(args: QueryArgs) -> Result<()> {
    let text = match (&args.file, &args.query) {
        (Some(f), _) => std::fs::read_to_string(f).with_context(|| format!("{}", f.display()))?,
        (None, Some(q)) => q.clone(),
        (None, None) => anyhow::bail!("give a query or --file"),
    };
    let kg = crate::store_arg::open_existing(&args.store)?;
    let format = args.format.result_format();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let source = args.file.as_ref().map(|f| f.display().to_string()).unwrap_or_else(|| "query".into());
    run_query(&kg, &text, format, &mut out).with_context(|| source)?;
    out.flush()?;
    Ok(())
}
