//! `kg bench`: the whole pipeline measured on a corpus: extraction alone, extraction plus
//! ingest into a new on-disk store, the queries users run on a store, and a synthetic
//! corpus of any size built from a real one. Every figure is a median over runs.

use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use kg_extract::Extractor;
use kg_graph::KnowledgeGraph;
use kg_input::{Article, ReadOptions};

use crate::cli::{BenchCommand, BenchCorpusArgs, BenchExtractArgs, BenchIngestArgs, BenchQueriesArgs};

/// Runs `kg bench`.
pub fn run(command: BenchCommand) -> Result<()> {
    match command {
        BenchCommand::Extract(a) => extract(a),
        BenchCommand::Ingest(a) => ingest(a),
        BenchCommand::Queries(a) => queries(a),
        BenchCommand::Corpus(a) => corpus(a),
    }
}

/// The median of some durations.
fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs.get(runs.len() / 2).copied().unwrap_or_default()
}

/// Median, 90th percentile and maximum of some timings, in milliseconds.
fn spread_ms(mut times: Vec<Duration>) -> [f64; 3] {
    times.sort();
    let at = |k: usize| times.get(k).copied().unwrap_or_default().as_secs_f64() * 1000.0;
    [at(times.len() / 2), at(times.len() * 9 / 10), at(times.len().saturating_sub(1))]
}

/// Reads every article of the inputs into memory.
fn read_articles(paths: &[PathBuf]) -> Result<Vec<Article>> {
    let inputs = kg_input::collect(paths)?;
    let mut out = Vec::new();
    for f in &inputs.files {
        for record in kg_input::open_path(f, ReadOptions::default())? {
            match record {
                Ok(a) => out.push(a),
                Err(e) if e.record => {}
                Err(e) => return Err(e.into()),
            }
        }
    }
    Ok(out)
}

fn extract(args: BenchExtractArgs) -> Result<()> {
    let articles = read_articles(&args.files)?;
    let words: usize = articles.iter().map(|a| a.text.split_whitespace().count()).sum();
    let extractor = Extractor::new();
    let threads = crate::pipeline::threads(args.threads);
    println!("extraction alone: {} documents, {words} words, {threads} threads, {} runs", articles.len(), args.runs);
    let mut runs = Vec::new();
    for run in 1..=args.runs.max(1) {
        let next = AtomicUsize::new(0);
        let started = Instant::now();
        let failures: usize = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|_| {
                    scope.spawn(|| {
                        let mut failed = 0;
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some(a) = articles.get(i) else { return failed };
                            if extractor.extract(&a.id, &a.text, a.published.as_deref()).is_err() {
                                failed += 1;
                            }
                        }
                    })
                })
                .collect();
            workers.into_iter().map(|w| w.join().unwrap_or(0)).sum()
        });
        let t = started.elapsed();
        println!("  run {run}: {:.3} s, {:.0} words/s, {failures} failed", t.as_secs_f64(), words as f64 / t.as_secs_f64());
        runs.push(t);
    }
    let t = median(runs);
    println!(
        "median: {:.3} s, {:.0} words/s, {:.0} documents/s; peak RSS {} MiB",
        t.as_secs_f64(),
        words as f64 / t.as_secs_f64(),
        articles.len() as f64 / t.as_secs_f64(),
        peak_rss_kib(Whose::Own) / 1024
    );
    Ok(())
}

/// Which process's peak memory [`peak_rss_kib`] reports.
#[derive(Clone, Copy)]
enum Whose {
    /// This process.
    Own,
    /// The largest child waited for.
    Children,
}

/// Peak resident memory in KiB (`getrusage`; 0 where it is not available).
fn peak_rss_kib(whose: Whose) -> u64 {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        let who = match whose {
            Whose::Own => libc::RUSAGE_SELF,
            Whose::Children => libc::RUSAGE_CHILDREN,
        };
        let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
        // SAFETY: getrusage writes one rusage struct to a valid, writable pointer.
        let ok = unsafe { libc::getrusage(who, usage.as_mut_ptr()) } == 0;
        if ok {
            // SAFETY: initialised by the successful call above.
            return unsafe { usage.assume_init() }.ru_maxrss.max(0) as u64;
        }
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    let _ = whose;
    0
}

fn ingest(args: BenchIngestArgs) -> Result<()> {
    let exe = std::env::current_exe().context("cannot find the kg executable")?;
    let words: usize = read_articles(&args.files)?.iter().map(|a| a.text.split_whitespace().count()).sum();
    std::fs::create_dir_all(&args.dir).with_context(|| format!("{}: cannot create", args.dir.display()))?;
    println!("extract + ingest into a new on-disk store: {words} words, {} runs, stores under {}", args.runs, args.dir.display());
    let mut runs = Vec::new();
    let mut quads = 0;
    for run in 1..=args.runs.max(1) {
        let store = args.dir.join(format!("bench-store-{run}"));
        if store.exists() {
            std::fs::remove_dir_all(&store).with_context(|| format!("{}: cannot remove", store.display()))?;
        }
        let mut cmd = Command::new(&exe);
        cmd.arg("ingest").arg("--store").arg(&store);
        if let Some(t) = args.threads {
            cmd.arg("--threads").arg(t.to_string());
        }
        cmd.args(&args.files);
        let started = Instant::now();
        let out = cmd.output().context("cannot run kg ingest")?;
        let t = started.elapsed();
        if !out.status.success() {
            bail!("kg ingest failed: {}", String::from_utf8_lossy(&out.stderr));
        }
        quads = KnowledgeGraph::open(&store)?.quad_count()?;
        let size = dir_size(&store);
        println!(
            "  run {run}: {:.2} s, {:.0} words/s, {quads} quads ({:.0} quads/s), store {} MiB",
            t.as_secs_f64(),
            words as f64 / t.as_secs_f64(),
            quads as f64 / t.as_secs_f64(),
            size >> 20
        );
        runs.push(t);
        if !args.keep {
            std::fs::remove_dir_all(&store).ok();
        }
    }
    let t = median(runs);
    println!(
        "median: {:.2} s, {:.0} words/s, {:.0} quads/s; peak RSS of kg ingest {} MiB",
        t.as_secs_f64(),
        words as f64 / t.as_secs_f64(),
        quads as f64 / t.as_secs_f64(),
        peak_rss_kib(Whose::Children) / 1024
    );
    Ok(())
}

/// Bytes of the files under a directory.
fn dir_size(dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else { return 0 };
    entries
        .flatten()
        .map(|e| match e.metadata() {
            Ok(m) if m.is_dir() => dir_size(&e.path()),
            Ok(m) => m.len(),
            Err(_) => 0,
        })
        .sum()
}

/// The entity IRI prefix.
const ENTITY: &str = kg_graph::vocab::ENTITY;

/// The user queries, with `{e}` for an entity IRI.
fn user_queries() -> Vec<(&'static str, String)> {
    let neighbour = |a: &str, b: &str| {
        format!("{{ {a} ?p{b} ?{b} }} UNION {{ ?{b} ?p{b} {a} }} FILTER(isIRI(?{b}) && STRSTARTS(STR(?{b}), \"{ENTITY}\"))")
    };
    vec![
        ("one-hop neighbourhood", format!("SELECT DISTINCT ?n1 WHERE {{ {} }}", neighbour("<{e}>", "n1"))),
        ("two-hop neighbourhood", format!("SELECT DISTINCT ?n2 WHERE {{ {} {} }}", neighbour("<{e}>", "n1"), neighbour("?n1", "n2"))),
        (
            "relations in a month",
            "SELECT ?s ?p ?o ?date WHERE { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:date ?date . \
             FILTER(?date >= \"1987-03-01\"^^xsd:date && ?date < \"1987-04-01\"^^xsd:date) }"
                .to_string(),
        ),
        (
            "top 20 entities by degree",
            "SELECT ?e (COUNT(*) AS ?degree) WHERE { { ?st rdf:subject ?e } UNION { ?st rdf:object ?e } } \
             GROUP BY ?e ORDER BY DESC(?degree) LIMIT 20"
                .to_string(),
        ),
    ]
}

fn queries(args: BenchQueriesArgs) -> Result<()> {
    let kg = KnowledgeGraph::open(&args.store)?;
    println!("store {}: {} quads", args.store.display(), kg.quad_count()?);
    // Entities with relations, spread over the list of related entities (a fixed sample).
    let related = kg_graph::query::select_rows(&kg, "SELECT DISTINCT ?e WHERE { ?st rdf:subject ?e } ORDER BY ?e")?;
    let entities: Vec<String> = related.iter().filter_map(|r| r[0].as_ref().map(|t| t.to_string())).collect();
    if entities.is_empty() {
        bail!("{}: no relations in the store", args.store.display());
    }
    let step = (entities.len() / args.entities.max(1)).max(1);
    let sample: Vec<&str> = entities.iter().step_by(step).take(args.entities.max(1)).map(|s| s.trim_matches(['<', '>'])).collect();
    println!("{} entities with relations; {} sampled, {} runs each", entities.len(), sample.len(), args.runs);
    for (name, template) in user_queries() {
        let per_entity = template.contains("{e}");
        let mut times = Vec::new();
        let mut rows = 0;
        let targets: Vec<&str> = if per_entity { sample.clone() } else { vec![""] };
        for e in &targets {
            let q = template.replace("{e}", e);
            for _ in 0..args.runs.max(1) {
                let started = Instant::now();
                rows = kg_graph::query::select_rows(&kg, &q)?.len();
                times.push(started.elapsed());
            }
        }
        let count = times.len();
        let [median_ms, p90_ms, max_ms] = spread_ms(times);
        println!("{name}: median {median_ms:.2} ms, p90 {p90_ms:.2} ms, max {max_ms:.2} ms over {count} queries (last: {rows} rows)");
    }
    // Shortest paths as `kg analyze path` finds them: searched in the store, pair by pair.
    let filter = kg_graph::network::Filter::default();
    let mut times = Vec::new();
    let mut connected = 0;
    for pair in sample.windows(2) {
        let started = Instant::now();
        connected += usize::from(kg_graph::paths::shortest_path(&kg, pair[0], pair[1], &filter)?.is_some());
        times.push(started.elapsed());
    }
    let count = times.len();
    let [median_ms, _, max_ms] = spread_ms(times);
    println!("shortest path in the store: median {median_ms:.1} ms, max {max_ms:.1} ms over {count} pairs ({connected} connected)");
    // The same over a loaded network (what `kg analyze path` searches under a
    // neighbourhood or top-N filter), here the whole one, loaded once.
    let started = Instant::now();
    let network = kg_graph::network::Network::load(&kg)?;
    let load = started.elapsed();
    let mut times = Vec::new();
    for pair in sample.windows(2) {
        let (Some(a), Some(b)) = (network.find(pair[0]), network.find(pair[1])) else { continue };
        let started = Instant::now();
        let _ = kg_graph::analytics::shortest_path(&network, a, b);
        times.push(started.elapsed());
    }
    println!(
        "shortest path in the network: loaded in {:.2} s ({} nodes, {} edges), then median {:.3} ms over {} pairs",
        load.as_secs_f64(),
        network.nodes.len(),
        network.edges.len(),
        median(times.clone()).as_secs_f64() * 1000.0,
        times.len()
    );
    Ok(())
}

/// Syllables appended to capitalised words to make each copy's names its own.
const SYLLABLES: &[&str] = &["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "za", "be", "do", "fu"];

/// A copy's suffix: copy 1 → "ka", copy 13 → "kaka", …
fn suffix(copy: usize) -> String {
    let mut s = String::new();
    let mut n = copy;
    while n > 0 {
        n -= 1;
        s.push_str(SYLLABLES[n % SYLLABLES.len()]);
        n /= SYLLABLES.len();
    }
    s
}

/// Renames the names of a text by appending `suffix` to capitalised words (longer than
/// two letters, not all capitals) inside sentences: words capitalised because they open
/// a sentence or a line, and month and weekday names, stay as they are. The copy has
/// the same shape with other names.
fn rename(text: &str, suffix: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut word = String::new();
    let mut opens_sentence = true;
    let flush = |word: &mut String, out: &mut String, opens_sentence: bool| {
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        let all_caps = word.chars().all(|c| !c.is_lowercase());
        let calendar = kg_model::calendar::is_calendar_name(word) || word == "May";
        out.push_str(word);
        if capitalised && !all_caps && !calendar && !opens_sentence && word.chars().count() > 2 {
            out.push_str(suffix);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphabetic() {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            flush(&mut word, &mut out, opens_sentence);
            opens_sentence = false;
        }
        out.push(c);
        if matches!(c, '.' | '!' | '?' | '\n' | '"' | ':') {
            opens_sentence = true;
        }
    }
    flush(&mut word, &mut out, opens_sentence);
    out
}

fn corpus(args: BenchCorpusArgs) -> Result<()> {
    let file = std::fs::File::open(&args.input).with_context(|| format!("{}: cannot open", args.input.display()))?;
    let lines: Vec<String> =
        BufReader::new(file).lines().collect::<std::io::Result<_>>().with_context(|| format!("{}: cannot read", args.input.display()))?;
    let out_file = std::fs::File::create(&args.output).with_context(|| format!("{}: cannot create", args.output.display()))?;
    let mut out = BufWriter::new(out_file);
    let mut records = 0;
    for copy in 0..args.copies.max(1) {
        let tag = suffix(copy);
        for (n, line) in lines.iter().enumerate() {
            let Ok(serde_json::Value::Object(mut record)) = serde_json::from_str::<serde_json::Value>(line) else { continue };
            for (key, value) in record.iter_mut() {
                match (key.as_str(), value) {
                    ("id" | "newid", v) => {
                        *v = serde_json::Value::String(format!("{}-copy{copy}", v.as_str().map_or_else(|| v.to_string(), str::to_string)))
                    }
                    ("text" | "body" | "title", serde_json::Value::String(s)) if copy > 0 => *s = rename(s, &tag),
                    _ => {}
                }
            }
            if !record.contains_key("id") && !record.contains_key("newid") {
                record.insert("id".into(), serde_json::Value::String(format!("line{}-copy{copy}", n + 1)));
            }
            serde_json::to_writer(&mut out, &record)?;
            out.write_all(b"\n")?;
            records += 1;
        }
    }
    out.flush()?;
    println!("{records} records ({} copies of {}) written to {}", args.copies.max(1), args.input.display(), args.output.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_rename_names_but_keep_the_shape() {
        assert_eq!(suffix(0), "");
        assert_eq!(suffix(1), "ka");
        assert_ne!(suffix(13), suffix(1));
        assert_eq!(
            rename("Xi Jinping met Putin in Moscow on Monday, said NATO. The talks", "ka"),
            "Xi Jinpingka met Putinka in Moscowka on Monday, said NATO. The talks"
        );
    }
}
