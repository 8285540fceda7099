//! The integration tests, in one test binary so that RocksDB and the rest are linked once.
//! Each module tests one area through the `kg` binary or the library crates; `common` holds
//! their helpers (paths, running `kg`, the shared data and the services).

mod common;

mod browser;
mod end_to_end;
mod fuzz_regressions;
mod graph_workflows;
mod interop;
mod models;
mod push;
mod reliability;
mod server;
mod vocabulary;
