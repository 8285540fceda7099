//! `kg serve`: the SPARQL endpoint, the Graph Store Protocol and the web explorer.

use std::time::Duration;

use anyhow::{Context, Result};
use kg_server::{start, Limits, ServerConfig};

use crate::cli::ServeArgs;

/// Runs `kg serve` until the process is stopped.
pub fn run(args: ServeArgs) -> Result<()> {
    let write_token = if args.writable {
        let token =
            std::env::var("KG_WRITE_TOKEN").context("--writable needs the bearer token in the KG_WRITE_TOKEN environment variable")?;
        if token.len() < 16 {
            anyhow::bail!("KG_WRITE_TOKEN: the write token must be at least 16 characters");
        }
        Some(token)
    } else {
        None
    };
    let kg = crate::store_arg::open_existing(&args.store)?;
    let config = ServerConfig {
        bind: args.bind.clone(),
        threads: args.threads,
        limits: Limits { timeout: Duration::from_secs(args.timeout), max_results: args.max_results, max_body: args.max_body },
        write_token,
    };
    let writable = config.write_token.is_some();
    let running = start(kg, config).map_err(anyhow::Error::msg)?;
    eprintln!(
        "kg: serving {} on http://{} (explorer /, SPARQL /sparql, graph store /store; {})",
        args.store.display(),
        running.addr,
        if writable { "writable with the bearer token" } else { "read-only" }
    );
    running.wait();
    Ok(())
}
