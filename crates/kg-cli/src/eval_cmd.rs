//! `kg eval`: NER figures on a CoNLL file, and the extraction contract's figures on a gold file.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use kg_extract::{ner::NerTagger, Extractor};
use kg_input::ReadOptions;

use crate::cli::{EvalCommand, EvalConll04Args, EvalGraphArgs, EvalKgArgs, EvalNerArgs, IngestArgs};

/// Runs `kg eval`.
pub fn run(command: EvalCommand) -> Result<()> {
    match command {
        EvalCommand::Ner(a) => ner(a),
        EvalCommand::Kg(a) => kg(a),
        EvalCommand::Conll04(a) => conll04(a),
        EvalCommand::Graph(a) => graph(a),
    }
}

/// Published micro F1 on all five CoNLL04 relations, for comparison.
const CONLL04_REFERENCES: &str = "published micro F1 (all five relations, strict): REBEL 75.4, SpERT 71.5";

fn conll04(args: EvalConll04Args) -> Result<()> {
    use kg_eval::conll04::{evaluate, RELATIONS};
    let text = std::fs::read_to_string(&args.file).with_context(|| format!("{}: cannot read", args.file.display()))?;
    let split: serde_json::Value = serde_json::from_str(&text).with_context(|| format!("{}: not JSON", args.file.display()))?;
    let scores = evaluate(&Extractor::new(), &split).map_err(|e| anyhow::anyhow!("{}: {e}", args.file.display()))?;
    println!("{}: {} sentences", args.file.display(), scores.sentences);
    println!("{:<12} {:>9} {:>9} {:>9} {:>6} {:>6} {:>6}", "relation", "precision", "recall", "F1", "tp", "fp", "fn");
    for kind in RELATIONS {
        let [tp, fp, fn_] = scores.by_type.counts(kind);
        if kind == "Live_In" {
            println!("{kind:<12} {:>29} {tp:>6} {fp:>6} {fn_:>6}", "not covered (no predicate)");
            continue;
        }
        let (p, r, f) = scores.by_type.of(kind);
        println!("{kind:<12} {p:>9.4} {r:>9.4} {f:>9.4} {tp:>6} {fp:>6} {fn_:>6}");
    }
    let covered: Vec<&str> = RELATIONS.iter().copied().filter(|k| *k != "Live_In").collect();
    let (p, r, f) = scores.by_type.micro(&covered);
    println!("{:<12} {p:>9.4} {r:>9.4} {f:>9.4}   (the four covered relations)", "micro");
    let (p, r, f) = scores.by_type.micro(&RELATIONS);
    println!("{:<12} {p:>9.4} {r:>9.4} {f:>9.4}   (all five; Live_In counts as missed)", "micro, all");
    println!("{CONLL04_REFERENCES}");
    if args.show_errors {
        scores.errors.iter().for_each(|e| println!("{e}"));
    }
    Ok(())
}

fn ner(args: EvalNerArgs) -> Result<()> {
    let docs = kg_train::training::read_conll(&args.file)?;
    let mut types = args.types.clone();
    if types.is_empty() {
        types = docs.iter().flat_map(|d| &d.sentences).flat_map(|s| kg_train::conll::spans(&s.ner)).map(|s| s.kind).collect();
        types.sort();
        types.dedup();
    }
    let extractor = Extractor::new();
    let tagger: &NerTagger = extractor.ner();
    let started = Instant::now();
    let scores = kg_eval::ner_scores::ner_scores(tagger, &docs, Some(&types));
    let seconds = started.elapsed().as_secs_f64();
    let words: usize = docs.iter().flat_map(|d| &d.sentences).map(|s| s.words.len()).sum();
    println!("{}: {} documents, {words} words; types scored: {}", args.file.display(), docs.len(), types.join(", "));
    println!("{:<8} {:>9} {:>9} {:>9} {:>7} {:>7} {:>7}", "type", "precision", "recall", "F1", "tp", "fp", "fn");
    for (kind, [tp, fp, fn_]) in scores.kinds() {
        let (p, r, f) = scores.of(kind);
        println!("{kind:<8} {p:>9.4} {r:>9.4} {f:>9.4} {tp:>7} {fp:>7} {fn_:>7}");
    }
    let (p, r, f) = scores.overall();
    println!("{:<8} {p:>9.4} {r:>9.4} {f:>9.4}", "overall");
    eprintln!("tagged {words} words in {seconds:.2} s");
    pos_accuracy(&docs, &args.models)
}

/// With a part-of-speech column, the tagger's accuracy on it (the model in `models`).
fn pos_accuracy(docs: &[kg_train::conll::TaggedDocument], models: &std::path::Path) -> Result<()> {
    let sentences: Vec<_> = docs.iter().flat_map(|d| &d.sentences).filter(|s| !s.pos.is_empty()).collect();
    if sentences.is_empty() {
        return Ok(());
    }
    let clusters = kg_extract::ner::clusters::WordClusters::embedded().map_err(anyhow::Error::msg)?;
    let tagger = kg_train::pos::PosTagger::load(models, clusters)?;
    let (mut right, mut all) = (0usize, 0usize);
    for s in sentences {
        for (gold, tag) in s.pos.iter().zip(tagger.tag(&s.words)) {
            all += 1;
            right += (tagger.tags()[tag as usize] == *gold) as usize;
        }
    }
    println!("part of speech: accuracy {:.4} ({right} of {all} words)", right as f64 / all as f64);
    Ok(())
}

/// A gold file: its JSON and its documents' ids with the paths of their texts.
struct GoldFile {
    json: serde_json::Value,
    documents: Vec<(String, PathBuf)>,
}

fn read_gold(path: &Path) -> Result<GoldFile> {
    let text = std::fs::read_to_string(path).with_context(|| format!("{}: cannot read", path.display()))?;
    let json: serde_json::Value = serde_json::from_str(&text).with_context(|| format!("{}: not JSON", path.display()))?;
    let Some(docs) = json.get("documents").and_then(|d| d.as_array()) else {
        bail!("{}: no \"documents\" array (not a gold file of the extraction contract)", path.display());
    };
    let base = path.parent().unwrap_or(Path::new("."));
    let mut documents = Vec::with_capacity(docs.len());
    for (k, d) in docs.iter().enumerate() {
        let (Some(id), Some(file)) = (d.get("id").and_then(|v| v.as_str()), d.get("text_file").and_then(|v| v.as_str())) else {
            bail!("{}: document {} has no \"id\" or \"text_file\"", path.display(), k + 1);
        };
        documents.push((id.to_string(), base.join(file)));
    }
    Ok(GoldFile { json, documents })
}

fn graph(args: EvalGraphArgs) -> Result<()> {
    use kg_eval::graph_scoring::{score_graph, NodeRow};
    let gold = read_gold(&args.gold)?;
    // The temporary directory lives until the scores are printed.
    let (store, _temporary) = match &args.store {
        Some(dir) => (dir.clone(), None),
        None => {
            let dir = tempfile::tempdir().context("cannot make a temporary store directory")?;
            (dir.path().join("store"), Some(dir))
        }
    };
    let mut paths: Vec<PathBuf> = gold.documents.iter().map(|(_, p)| p.clone()).collect();
    paths.extend(args.with.iter().cloned());
    let ingest = IngestArgs {
        store: store.clone(),
        published: None,
        reading: crate::cli::ReadingArgs::default(),
        aliases: None,
        threads: None,
        batch_quads: kg_graph::writer::DEFAULT_BATCH_QUADS,
        paths,
    };
    eprintln!("kg: {}", crate::ingest_cmd::ingest(&ingest)?);
    let kg = kg_graph::KnowledgeGraph::open(&store)?;
    let mut rows = Vec::new();
    for (id, path) in &gold.documents {
        // `kg ingest` names a document after its file.
        let stored = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        for n in kg_graph::entities::document_nodes(&kg, &stored)? {
            rows.push(NodeRow { document: id.clone(), node: n.iri, label: n.label, aliases: n.aliases });
        }
    }
    if let Some(out) = &args.nodes {
        std::fs::write(out, write_nodes_csv(&rows)?).with_context(|| format!("{}: cannot write", out.display()))?;
    }
    let scores = score_graph(&gold.json, &rows);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&scores.summary())?);
    } else {
        print!("{}", scores.report(args.show_errors));
    }
    Ok(())
}

/// The nodes table as `score_graph.py` reads it: `document,node,label,aliases`, aliases
/// joined by `|`, fields quoted as the graph's CSV exports quote them.
fn write_nodes_csv(rows: &[kg_eval::graph_scoring::NodeRow]) -> Result<String> {
    // Lines end with \r\n, as Python's csv module writes them.
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    w.write_record(["document", "node", "label", "aliases"])?;
    for r in rows {
        w.write_record([r.document.as_str(), r.node.as_str(), r.label.as_str(), &r.aliases.join("|")])?;
    }
    Ok(String::from_utf8(w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?)?)
}

fn kg(args: EvalKgArgs) -> Result<()> {
    let GoldFile { json: gold, documents } = read_gold(&args.gold)?;
    let extractor = Extractor::new();
    let mut predicted = Vec::new();
    for (id, path) in &documents {
        // Read as `kg extract` reads the file, so that both give the same figures.
        for article in kg_input::open_path(path, ReadOptions::default())? {
            let article = article?;
            let mut doc = extractor.extract(id, &article.text, article.published.as_deref()).with_context(|| path.display().to_string())?;
            if article.title.is_some() {
                doc.title = article.title.clone();
            }
            predicted.push(serde_json::to_value(&doc)?);
        }
    }
    let predictions = serde_json::json!({ "documents": predicted });
    if let Some(out) = &args.predictions {
        std::fs::write(out, serde_json::to_string_pretty(&predictions)?).with_context(|| format!("{}: cannot write", out.display()))?;
    }
    let (counts, n, found) = kg_eval::scoring::score(&gold, &predictions);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&counts.summary())?);
    } else {
        print!("{}", counts.report(n, found));
    }
    if args.calibration {
        let outcomes = kg_eval::scoring::relation_outcomes(&gold, &predictions);
        println!();
        print!("{}", kg_eval::scoring::reliability_table(&outcomes, &CONFIDENCE_BINS));
    }
    Ok(())
}

/// Lower bounds of the confidence bins of `kg eval kg --calibration`.
const CONFIDENCE_BINS: [f64; 5] = [0.0, 0.6, 0.7, 0.8, 0.9];

#[cfg(test)]
mod tests {
    use kg_eval::graph_scoring::NodeRow;

    #[test]
    fn the_nodes_table_quotes_what_it_must() {
        let row = |doc: &str, node: &str, label: &str, aliases: &[&str]| NodeRow {
            document: doc.into(),
            node: node.into(),
            label: label.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        };
        let table = super::write_nodes_csv(&[row("a", "p:x", "Smith, \"Jr\"", &["A", "B"]), row("b", "p:y", "Y", &[])]).expect("table");
        assert_eq!(table, "document,node,label,aliases\r\na,p:x,\"Smith, \"\"Jr\"\"\",A|B\r\nb,p:y,Y,\r\n");
    }
}
