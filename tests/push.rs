//! `kg push` against real SPARQL servers: Virtuoso (Debian's virtuoso-opensource, started
//! on loopback by scripts/services.sh) through the Graph Store Protocol and through SPARQL
//! Update, with a round-trip count check and an idempotent, resumable second run, and with
//! user and password on its Digest-protected endpoints; and a token-protected
//! `kg serve --writable`. The Virtuoso test is skipped where no Virtuoso
//! answers on 127.0.0.1:8890, except in CI.

use crate::common::{agent, enc, kg, run, sample_store, Served};

const VIRTUOSO: &str = "http://127.0.0.1:8890";

/// The Virtuoso tests write the same graphs: one at a time.
static VIRTUOSO_LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn virtuoso_up() -> bool {
    let up = agent().get(format!("{VIRTUOSO}/sparql?query={}", enc("ASK {}"))).call().is_ok_and(|r| r.status() == 200);
    if !up {
        assert!(std::env::var_os("CI").is_none(), "CI needs Virtuoso on {VIRTUOSO} (scripts/services.sh starts it)");
        eprintln!("SKIPPED: no Virtuoso on {VIRTUOSO} (scripts/services.sh installs and starts one)");
    }
    up
}

fn remote_count(endpoint: &str, graph: &str) -> u64 {
    let q = format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}");
    let mut r =
        agent().get(format!("{endpoint}?query={}", enc(&q))).header("Accept", "application/sparql-results+json").call().expect("count");
    let v: serde_json::Value = serde_json::from_str(&r.body_mut().read_to_string().expect("body")).expect("JSON");
    v["results"]["bindings"][0]["n"]["value"].as_str().and_then(|n| n.parse().ok()).expect("a count")
}

fn local_count(store: &std::path::Path, graph: &str) -> u64 {
    let out = run(kg()
        .args(["query", "--format", "csv", "--store"])
        .arg(store)
        .arg(format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")));
    String::from_utf8_lossy(&out.stdout).lines().nth(1).and_then(|l| l.trim().parse().ok()).expect("count")
}

#[test]
fn push_to_virtuoso_by_graph_store_and_by_update() {
    let _one_at_a_time = VIRTUOSO_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    if !virtuoso_up() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let store = sample_store(dir.path());
    let endpoint = format!("{VIRTUOSO}/sparql");
    let graphs = ["https://w3id.org/newskg/doc/nordic-arctic-talks", "https://w3id.org/newskg/doc/xi-visit"];

    let out = run(kg().arg("push").arg("--store").arg(&store).args([
        "--endpoint",
        &endpoint,
        "--graph-store",
        &format!("{VIRTUOSO}/sparql-graph-crud"),
        "--force",
    ]));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("pushed 4 graphs"), "{}", String::from_utf8_lossy(&out.stdout));
    for g in graphs {
        assert_eq!(remote_count(&endpoint, g), local_count(&store, g), "{g}");
    }
    // A second run finds everything there and sends nothing.
    let out = run(kg().arg("push").arg("--store").arg(&store).args([
        "--endpoint",
        &endpoint,
        "--graph-store",
        &format!("{VIRTUOSO}/sparql-graph-crud"),
    ]));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("pushed 0 graphs")
            && String::from_utf8_lossy(&out.stdout).contains("4 already there")
    );
    // SPARQL Update in small batches replaces the graphs too.
    let out = run(kg().arg("push").arg("--store").arg(&store).args(["--endpoint", &endpoint, "--batch", "50", "--force"]));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("pushed 4 graphs"));
    for g in graphs {
        assert_eq!(remote_count(&endpoint, g), local_count(&store, g), "{g} after update push");
    }
}

#[test]
fn push_with_user_and_password_to_virtuoso_digest_endpoints() {
    let _one_at_a_time = VIRTUOSO_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    if !virtuoso_up() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let store = sample_store(dir.path());
    let password = std::env::var("VIRTUOSO_DBA_PASSWORD").unwrap_or_else(|_| "dba".into());
    let auth_endpoint = format!("{VIRTUOSO}/sparql-auth");
    let gsp = format!("{VIRTUOSO}/sparql-graph-crud-auth");
    let wrong = kg()
        .arg("push")
        .arg("--store")
        .arg(&store)
        .args(["--endpoint", &auth_endpoint, "--user", "dba", "--force"])
        .env("KG_PUSH_PASSWORD", "not-the-password")
        .output()
        .expect("run");
    assert!(!wrong.status.success() && String::from_utf8_lossy(&wrong.stderr).contains("401"));
    let out = run(kg()
        .arg("push")
        .arg("--store")
        .arg(&store)
        .args(["--endpoint", &auth_endpoint, "--graph-store", &gsp, "--user", "dba", "--force"])
        .env("KG_PUSH_PASSWORD", &password));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("pushed 4 graphs"), "{}", String::from_utf8_lossy(&out.stdout));
    let g = "https://w3id.org/newskg/doc/xi-visit";
    assert_eq!(remote_count(&format!("{VIRTUOSO}/sparql"), g), local_count(&store, g));
}

#[test]
fn push_with_a_bearer_token_to_a_writable_kg_serve() {
    let dir = tempfile::tempdir().expect("tempdir");
    let source = sample_store(dir.path());
    let target_dir = tempfile::tempdir().expect("tempdir");
    let target = target_dir.path().join("target-store");
    run(kg().arg("ingest").arg("--store").arg(&target).arg(crate::common::repo().join("data/samples/sahel-aid-appeal.txt")));
    let token = "push-token-0123456789abcdef";
    let served = Served::start(&target, &["--writable"], &[("KG_WRITE_TOKEN", token)]);
    let endpoint = format!("{}/sparql", served.base);
    let gsp = format!("{}/store", served.base);
    let denied = kg().arg("push").arg("--store").arg(&source).args(["--endpoint", &endpoint, "--graph-store", &gsp]).output().expect("run");
    assert!(
        !denied.status.success() && String::from_utf8_lossy(&denied.stderr).contains("401"),
        "{}",
        String::from_utf8_lossy(&denied.stderr)
    );
    let out = run(kg()
        .arg("push")
        .arg("--store")
        .arg(&source)
        .args(["--endpoint", &endpoint, "--graph-store", &gsp, "--token"])
        .env("KG_PUSH_TOKEN", token));
    // The target already holds the Sahel article in the same version: it is not sent again.
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.starts_with("pushed 3 graphs") && said.contains("1 already there"), "{said}");
    let g = "https://w3id.org/newskg/doc/xi-visit";
    assert_eq!(remote_count(&endpoint, g), local_count(&source, g));
}
