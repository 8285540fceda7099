//! `kg`: build a knowledge graph from news articles, query it with SPARQL, export it.

mod cli;
mod export_cmd;
mod extract_cmd;
mod ingest_cmd;
mod input;
mod query_cmd;

use clap::Parser;

fn main() {
    let args = cli::Cli::parse();
    let result = match args.command {
        cli::Command::Extract(a) => extract_cmd::run(a),
        cli::Command::Ingest(a) => ingest_cmd::run(a),
        cli::Command::Query(a) => query_cmd::run(a),
        cli::Command::Export(a) => export_cmd::run(a),
    };
    if let Err(e) = result {
        // One line: the file and the problem.
        eprintln!("kg: error: {e:#}");
        std::process::exit(1);
    }
}
