//! `kg`: build a knowledge graph from news articles, query it with SPARQL, export it.

mod allocator;
mod analyze_cmd;
mod bench_cmd;
mod cli;
mod entities_cmd;
mod eval_cmd;
mod export_cmd;
mod extract_cmd;
mod ingest_cmd;
mod pipeline;
mod progress;
mod push_cmd;
mod query_cmd;
mod remove_cmd;
mod serve_cmd;
mod store_arg;
mod table_out;
mod train_cmd;

use clap::Parser;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    #[cfg(not(target_os = "linux"))]
    allocator::configure(); // On Linux it already ran as the program was loaded.
    let args = cli::Cli::parse();
    let result = match args.command {
        cli::Command::Extract(a) => extract_cmd::run(a),
        cli::Command::Ingest(a) => ingest_cmd::run(a),
        cli::Command::Query(a) => query_cmd::run(a),
        cli::Command::Export(a) => export_cmd::run(a),
        cli::Command::Remove(a) => remove_cmd::run(a),
        cli::Command::Entities(a) => entities_cmd::run(a),
        cli::Command::Analyze(a) => analyze_cmd::run(a),
        cli::Command::Serve(a) => serve_cmd::run(a),
        cli::Command::Push(a) => push_cmd::run(a),
        cli::Command::Train(a) => train_cmd::run(a),
        cli::Command::Eval(a) => eval_cmd::run(a),
        cli::Command::Bench(a) => bench_cmd::run(a),
    };
    if let Err(e) = result {
        if broken_pipe(&e) {
            return; // the reader of our output has gone (`kg export | head`): not an error
        }
        // One line: the file and the problem.
        eprintln!("kg: error: {e:#}");
        std::process::exit(1);
    }
}

fn broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<kg_graph::GraphError>().is_some_and(kg_graph::GraphError::is_broken_pipe)
            || c.downcast_ref::<serde_json::Error>().is_some_and(|j| j.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe))
    })
}
