//! Reliability: the bad-input matrix (each case a clear message, a non-zero exit where
//! the run could not do its job, nothing already stored lost), bounded memory on huge
//! inputs, and crash safety (SIGKILL during ingest, 30 times).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::common::{kg, repo, run};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write");
    p
}

fn fails(out: &Output, needles: &[&str]) {
    assert!(!out.status.success(), "expected a failure: {}", String::from_utf8_lossy(&out.stdout));
    let err = String::from_utf8_lossy(&out.stderr);
    for n in needles {
        assert!(err.contains(n), "{n:?} missing from {err}");
    }
}

fn quads(store: &Path) -> u64 {
    let out =
        run(kg().args(["query", "--format", "csv", "--store"]).arg(store).arg("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"));
    String::from_utf8_lossy(&out.stdout).lines().nth(1).and_then(|l| l.trim().parse().ok()).expect("count")
}

#[test]
fn bad_input_matrix() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    run(kg().arg("ingest").arg("--store").arg(&store).arg(repo().join("data/samples")));
    let before = quads(&store);

    // Invalid UTF-8: strict by default (file and byte offset), or replaced with --lossy.
    let bad = write(dir.path(), "latin1.txt", b"Caf\xe9 owners in Kenya criticized Ethiopia.");
    fails(
        &kg().arg("ingest").arg("--store").arg(&store).arg(&bad).output().expect("run"),
        &["latin1.txt", "invalid UTF-8 at byte 3", "--lossy"],
    );
    let out = run(kg().arg("ingest").arg("--store").arg(&store).arg("--lossy").arg(&bad));
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 new"));
    assert!(quads(&store) > before, "nothing lost, the new article added");

    // Binary and empty files are skipped and counted; named alone, extract refuses them.
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).expect("mkdir");
    write(&docs, "blob.txt", &[0, 1, 2, 3, 255]);
    write(&docs, "empty.txt", b"");
    write(&docs, "ok.txt", b"Peru criticized Chile over the border.");
    let out = run(kg().arg("ingest").arg("--store").arg(&store).arg(&docs));
    let (said, warned) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(said.contains("2 files skipped"), "{said}");
    assert!(warned.contains("blob.txt: binary file") && warned.contains("empty.txt: empty file"), "{warned}");
    fails(&kg().arg("extract").arg(docs.join("blob.txt")).output().expect("run"), &["blob.txt", "binary"]);

    // Deeply nested and unclosed HTML.
    let deep = format!("<html><body>{}<p>Peru criticized Chile over the border.{}", "<div><span>".repeat(50_000), "</b>".repeat(100));
    let page = write(dir.path(), "deep.html", deep.as_bytes());
    let out = run(kg().args(["extract", "--format", "ntriples"]).arg(&page));
    assert!(String::from_utf8_lossy(&out.stdout).contains("criticized"));

    // An unreadable file (a dangling link) and a directory symlink loop.
    let dangling = dir.path().join("gone.txt");
    std::os::unix::fs::symlink(dir.path().join("nowhere.txt"), &dangling).expect("symlink");
    fails(&kg().arg("extract").arg(&dangling).output().expect("run"), &["gone.txt"]);
    let looped = dir.path().join("loop");
    std::fs::create_dir(&looped).expect("mkdir");
    write(&looped, "a.txt", b"Kenya praised Uganda.");
    std::os::unix::fs::symlink(&looped, looped.join("again")).expect("symlink");
    run(kg().arg("extract").arg(&looped));

    // A store path that is a file; a store locked by another process.
    let file = write(dir.path(), "store-file", b"x");
    fails(&kg().arg("ingest").arg("--store").arg(&file).arg(&docs).output().expect("run"), &["store-file", "not a store directory"]);
    let served = crate::common::Served::start(&store, &[], &[]);
    fails(&kg().arg("ingest").arg("--store").arg(&store).arg(&docs).output().expect("run"), &["in use by another process"]);
    drop(served);
    assert!(quads(&store) > before, "the store still holds everything");
}

/// Peak resident memory (KiB) of a command, through GNU time.
fn peak_kib(cmd: &[&str], input: &Path) -> u64 {
    let out = Command::new("/usr/bin/time")
        .arg("-f")
        .arg("%M")
        .args(cmd)
        .arg(input)
        .stdout(Stdio::null())
        .output()
        .expect("/usr/bin/time (Debian package time)");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stderr).lines().last().and_then(|l| l.trim().parse().ok()).expect("peak RSS")
}

#[test]
fn huge_inputs_stay_in_bounded_memory() {
    if !Path::new("/usr/bin/time").exists() {
        assert!(std::env::var_os("CI").is_none(), "CI needs /usr/bin/time (scripts/setup.sh installs it)");
        eprintln!("SKIPPED: /usr/bin/time missing (apt-get install time)");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let kg_bin = env!("CARGO_BIN_EXE_kg");
    // 200 MB: an article every megabyte among empty lines.
    let mut big = Vec::with_capacity(200 << 20);
    let article = b"Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi.\n\n";
    while big.len() < (200 << 20) {
        big.extend_from_slice(article);
        big.resize(big.len() + (1 << 20) - article.len(), b'\n');
    }
    let file = write(dir.path(), "huge.txt", &big);
    drop(big);
    let peak = peak_kib(&[kg_bin, "extract", "--format", "ntriples"], &file);
    assert!(peak < 300 * 1024, "200 MB file: peak {peak} KiB");
    // 10 MB on one line.
    let line = "Kenya criticized Ethiopia over the dam while Uganda praised Rwanda. ".repeat(10 << 20 >> 6);
    let file = write(dir.path(), "line.txt", line.as_bytes());
    let peak = peak_kib(&[kg_bin, "extract", "--format", "ntriples"], &file);
    assert!(peak < 300 * 1024, "10 MB line: peak {peak} KiB");
}

/// The quads of each graph that later documents never revise: all but name keys, labels,
/// types and merge records (a surname merge split or a type changed by a document the
/// killed run had not reached yet changes those).
fn graph_sizes(store: &Path) -> Vec<String> {
    let out = run(kg().args(["query", "--format", "csv", "--store"]).arg(store).arg(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } \
         FILTER(?p NOT IN (kg:nameKey, rdfs:label, skos:altLabel, rdf:type, kg:localLabel, kg:resolvedTo, kg:method, kg:confidence) \
         || ?s = ?g || STRSTARTS(STR(?s), STR(stmt:))) } GROUP BY ?g ORDER BY ?g",
    ));
    String::from_utf8_lossy(&out.stdout).lines().skip(1).map(str::to_string).collect()
}

fn dump_without_times(store: &Path) -> Vec<String> {
    let out = run(kg().args(["export", "--format", "nquads", "--store"]).arg(store));
    let mut lines: Vec<String> =
        String::from_utf8_lossy(&out.stdout).lines().filter(|l| !l.contains("#ingestedAt>")).map(str::to_string).collect();
    lines.sort();
    lines
}

#[test]
fn ingest_survives_sigkill_at_random_moments() {
    let corpus = repo().join("../shared/datasets/news_wikinews_sample/wikinews_2019_2020.jsonl");
    if !corpus.exists() {
        eprintln!("SKIPPED: {} not found", corpus.display());
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let reference = dir.path().join("reference");
    // Small batches, so that a run killed mid-way has written some of them.
    let ingest = |store: &Path| {
        let mut c = kg();
        c.args(["ingest", "--batch-quads", "2000", "--store"]).arg(store).arg(&corpus);
        c
    };
    let started = std::time::Instant::now();
    run(&mut ingest(&reference));
    let full_run = started.elapsed();
    let expected: std::collections::HashMap<String, String> =
        graph_sizes(&reference).into_iter().filter_map(|l| l.split_once(',').map(|(g, n)| (g.to_string(), n.to_string()))).collect();

    let reference_dump = dump_without_times(&reference);
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut kills = 0;
    for round in 0..30 {
        // Each round starts from an empty store, so that every kill lands mid-way.
        let store = dir.path().join(format!("crashed-{round}"));
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        // Somewhere in the first half of an uninterrupted run (which ran while other tests
        // loaded the machine, so later moments may fall after a faster run's end).
        let wait = full_run.mul_f64(0.02 + (seed % 480) as f64 / 1000.0);
        let mut child = ingest(&store).stdout(Stdio::null()).stderr(Stdio::null()).spawn().expect("spawn");
        std::thread::sleep(wait);
        if child.try_wait().expect("poll").is_none() {
            child.kill().expect("SIGKILL");
            kills += 1;
        }
        let _ = child.wait();
        if !store.exists() {
            continue; // killed before the store was created
        }
        // The store opens, and every document is there in full or not at all.
        for line in graph_sizes(&store) {
            let (g, n) = line.split_once(',').expect("row");
            if g.starts_with("https://w3id.org/newskg/doc/") {
                assert_eq!(Some(n), expected.get(g).map(String::as_str), "{g} is incomplete after a kill");
            }
        }
        // Running the ingest again completes it to the same graph as an uninterrupted run.
        run(&mut ingest(&store));
        assert!(dump_without_times(&store) == reference_dump, "round {round}: not the same final graph as an uninterrupted run");
        std::fs::remove_dir_all(&store).expect("clean up");
    }
    assert!(kills >= 25, "only {kills} of 30 runs were killed mid-way");
}
