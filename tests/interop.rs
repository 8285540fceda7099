//! Exports loaded by the tools analysts use: every RDF format parsed back by rdflib to
//! the same number of triples (or quads); GraphML and node-link JSON in networkx with
//! the same nodes and edges, and networkx's PageRank equal to `kg analyze pagerank`
//! within 1e-6; the CSV tables in pandas. Needs Debian's python3-rdflib,
//! python3-networkx and python3-pandas (installed by scripts/setup.sh); skipped with a
//! message where they are missing, except in CI where that is a failure.

use crate::common::{kg, repo, run};

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// A Python 3 that has rdflib, networkx and pandas (Debian's, which pyenv may shadow).
fn python() -> Option<PathBuf> {
    for p in ["/usr/bin/python3", "python3"] {
        let ok = Command::new(p).args(["-c", "import rdflib, networkx, pandas"]).output().is_ok_and(|o| o.status.success());
        if ok {
            return Some(PathBuf::from(p));
        }
    }
    if std::env::var_os("CI").is_some() {
        panic!("CI needs python3-rdflib, python3-networkx and python3-pandas (scripts/setup.sh installs them)");
    }
    eprintln!("SKIPPED: no python3 with rdflib, networkx and pandas (apt-get install python3-rdflib python3-networkx python3-pandas)");
    None
}

fn count(store: &Path, q: &str) -> u64 {
    let out = run(kg().args(["query", "--format", "csv", "--store"]).arg(store).arg(q));
    String::from_utf8_lossy(&out.stdout).lines().nth(1).and_then(|l| l.trim().parse().ok()).expect("count")
}

#[test]
fn exports_load_in_rdflib_networkx_and_pandas() {
    let Some(python) = python() else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    run(kg().arg("ingest").arg("--store").arg(&store).arg(repo().join("data/samples")));
    let distinct = count(&store, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }");
    let quads = count(&store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }");
    for (format, file) in [
        ("turtle", "store.ttl"),
        ("ntriples", "store.nt"),
        ("rdfxml", "store.rdf"),
        ("nquads", "store.nq"),
        ("trig", "store.trig"),
        ("jsonld", "store.jsonld"),
        ("graphml", "graph.graphml"),
        ("json", "graph.json"),
    ] {
        run(kg().args(["export", "--format", format, "--store"]).arg(&store).arg("--out").arg(dir.path().join(file)));
    }
    run(kg().args(["export", "--format", "csv", "--store"]).arg(&store).arg("--out").arg(dir.path().join("csv")));

    let out = run(Command::new(&python).arg(repo().join("tests/python/check_exports.py")).arg(dir.path()));
    let seen: Value = serde_json::from_slice(&out.stdout).expect("JSON from the checker");
    for f in ["turtle", "ntriples", "rdfxml"] {
        assert_eq!(seen[f].as_u64(), Some(distinct), "{f}: rdflib triples");
    }
    for f in ["nquads", "trig", "jsonld"] {
        assert_eq!(seen[f].as_u64(), Some(quads), "{f}: rdflib quads");
    }

    let degrees: Value =
        serde_json::from_slice(&run(kg().args(["analyze", "degree", "--format", "json", "--store"]).arg(&store)).stdout).expect("degrees");
    let nodes = degrees.as_array().expect("rows").len() as u64;
    let edges: u64 = degrees.as_array().expect("rows").iter().map(|r| r["out"].as_u64().expect("out")).sum();
    assert!(nodes > 20 && edges > 15, "{nodes} nodes, {edges} edges");
    for f in ["graphml", "nodelink"] {
        assert_eq!(seen[f]["nodes"].as_u64(), Some(nodes), "{f} nodes");
        assert_eq!(seen[f]["edges"].as_u64(), Some(edges), "{f} edges");
    }
    assert_eq!(seen["csv"]["nodes"].as_u64(), Some(nodes));
    assert_eq!(seen["csv"]["edges"].as_u64(), Some(edges));
    assert_eq!(seen["csv"]["documents_dtype"], "int64");

    let ours: Value = serde_json::from_slice(&run(kg().args(["analyze", "pagerank", "--format", "json", "--store"]).arg(&store)).stdout)
        .expect("pagerank");
    let ours: HashMap<&str, f64> =
        ours.as_array().expect("rows").iter().map(|r| (r["iri"].as_str().expect("iri"), r["pagerank"].as_f64().expect("score"))).collect();
    let theirs = seen["pagerank"].as_object().expect("networkx pagerank");
    assert_eq!(ours.len(), theirs.len());
    for (iri, score) in theirs {
        let mine = ours[iri.as_str()];
        assert!((mine - score.as_f64().expect("score")).abs() < 1e-6, "{iri}: kg {mine} vs networkx {score}");
    }
}
