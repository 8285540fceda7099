//! Helpers shared by the end-to-end tests: the `kg` binary, the repository, `../shared`, `kg serve`.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

/// The `kg` binary.
pub fn kg() -> Command {
    Command::new(env!("CARGO_BIN_EXE_kg"))
}

/// The repository root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("repository root")
}

/// `../shared` beside the repository (or `$KG_SHARED`), when present.
pub fn shared() -> Option<PathBuf> {
    let dir = std::env::var_os("KG_SHARED").map(PathBuf::from).unwrap_or_else(|| repo().join("../shared"));
    if dir.join("eval/score.py").is_file() {
        Some(dir)
    } else {
        eprintln!("SKIPPED: {} not found (the shared evaluation data lives there)", dir.display());
        None
    }
}

/// `../shared` when python3 is there too to run its scorers (`score.py`, `score_graph.py`).
pub fn shared_with_python() -> Option<PathBuf> {
    let dir = shared()?;
    if Command::new("python3").arg("--version").stdout(Stdio::null()).status().is_err() {
        eprintln!("SKIPPED: python3 not found (needed to run the scorers in {})", dir.join("eval").display());
        return None;
    }
    Some(dir)
}

/// Runs a command and insists on success.
pub fn run(cmd: &mut Command) -> Output {
    let out = cmd.output().expect("run");
    assert!(out.status.success(), "failed: {}\n{}", String::from_utf8_lossy(&out.stderr), String::from_utf8_lossy(&out.stdout));
    out
}

/// A `kg serve` process on a free loopback port, stopped on drop.
pub struct Served {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
}

impl Served {
    /// Starts `kg serve` on `store` with extra arguments and environment.
    pub fn start(store: &Path, extra: &[&str], env: &[(&str, &str)]) -> Served {
        let mut cmd = kg();
        cmd.arg("serve").arg("--store").arg(store).args(["--bind", "127.0.0.1:0"]).args(extra).stderr(Stdio::piped()).stdout(Stdio::null());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("spawn kg serve");
        let stderr = child.stderr.take().expect("stderr");
        let mut line = String::new();
        BufReader::new(stderr).read_line(&mut line).expect("read the serving line");
        let base = line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .map(|a| format!("http://{a}"))
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        Served { child, base }
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP client that returns every status as a response.
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder().http_status_as_error(false).timeout_global(Some(Duration::from_secs(60))).build().into()
}

/// A store with the sample articles and one article written for these tests.
pub fn sample_store(dir: &Path) -> PathBuf {
    let store = dir.join("store");
    let extra = dir.join("xi-visit.txt");
    std::fs::write(
        &extra,
        "May 8, 2025\n\nXi visits Moscow\n\nChinese President Xi Jinping met Russian President Vladimir Putin in Moscow on Monday. \
         \"We will deepen our partnership in every field,\" Xi said. Russia and China signed an energy agreement on Tuesday.",
    )
    .expect("write article");
    run(kg().arg("ingest").arg("--store").arg(&store).arg(repo().join("data/samples")).arg(&extra));
    store
}

/// Percent-encodes a query parameter (as the server's links do).
pub fn enc(s: &str) -> String {
    kg_server::http::encode_param(s)
}
