//! The minimised fuzzing corpora (`fuzz/corpus/<target>/`) replayed as ordinary tests on
//! stable Rust, so that every input the fuzzers ever kept (and every crash they found,
//! once fixed) is checked on every CI run. The checks are the fuzz targets' own.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use kg_extract::{Document, Entity, EntityType, Extractor, Relation, Span};
use kg_graph::export::{export, ExportFormat, ExportOptions};
use kg_graph::{DocumentMeta, KnowledgeGraph};
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfParser};

fn corpus(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus").join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
    files.sort();
    assert!(!files.is_empty(), "no corpus in {}", dir.display());
    files
}

fn each(target: &str, mut check: impl FnMut(&[u8])) -> usize {
    let files = corpus(target);
    for f in &files {
        let data = std::fs::read(f).expect("corpus file");
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&data)));
        assert!(result.is_ok(), "{} fails", f.display());
    }
    files.len()
}

#[test]
fn extractor_corpus() {
    let ex = Extractor::new();
    let n = each("extract", |data| {
        let text = String::from_utf8_lossy(data);
        let doc = ex.extract("fuzz", &text, None).expect("extract");
        let len = text.chars().count();
        for e in &doc.entities {
            for m in &e.mentions {
                assert!(m.start < m.end && m.end <= len);
            }
        }
        for r in &doc.relations {
            assert!(r.start <= r.end && r.end <= len);
            assert!(doc.entity(&r.subject).is_some());
        }
    });
    eprintln!("{n} extractor inputs");
}

#[test]
fn html_and_jsonl_corpora() {
    each("html", |data| {
        let _ = kg_input::html::article("fuzz", "fuzz.html", &String::from_utf8_lossy(data));
    });
    each("jsonl", |data| {
        for r in kg_input::jsonl::records(std::io::Cursor::new(data.to_vec()), "fuzz.jsonl".into(), "fuzz".into(), false) {
            let _ = r;
        }
    });
}

#[test]
fn exporter_corpus() {
    let kg = KnowledgeGraph::in_memory().expect("store");
    each("export", |data| {
        let text = String::from_utf8_lossy(data);
        let labels: Vec<&str> = text.split('|').take(6).collect();
        let entities: Vec<Entity> = labels
            .iter()
            .enumerate()
            .map(|(k, l)| Entity {
                id: format!("e{}", k + 1),
                label: l.to_string(),
                entity_type: EntityType::ALL[k % 6],
                aliases: vec![format!("{l}\u{202e}\n\"<>")],
                mentions: vec![Span { start: 0, end: 1 }],
            })
            .collect();
        let relations: Vec<Relation> = (1..entities.len())
            .map(|k| Relation {
                subject: "e1".into(),
                predicate: ["spokeWith", "criticized", "leaderOf", "said"][k % 4].into(),
                object: (k % 4 != 3).then(|| format!("e{}", k + 1)),
                literal: (k % 4 == 3).then(|| labels[k].to_string()),
                date: Some("2024-07-24".into()),
                title: Some(labels[k].to_string()),
                cameo: None,
                code: None,
                goldstein: Some(1.0),
                confidence: 0.5,
                sentence: text.to_string(),
                start: 0,
                end: 1,
            })
            .collect();
        let doc = Document { id: labels[0].to_string(), published: None, title: Some(text.to_string()), entities, relations };
        kg.put_document(&doc, &DocumentMeta { source: Some(text.to_string()), ..Default::default() }).expect("stored");
        for (format, rdf) in [
            (ExportFormat::Turtle, Some(RdfFormat::Turtle)),
            (ExportFormat::NTriples, Some(RdfFormat::NTriples)),
            (ExportFormat::NQuads, Some(RdfFormat::NQuads)),
            (ExportFormat::TriG, Some(RdfFormat::TriG)),
            (ExportFormat::RdfXml, Some(RdfFormat::RdfXml)),
            (ExportFormat::JsonLd, Some(RdfFormat::JsonLd { profile: JsonLdProfileSet::empty() })),
            (ExportFormat::Dot, None),
            (ExportFormat::GraphMl, None),
            (ExportFormat::NodeLink, None),
        ] {
            let mut out = Vec::new();
            export(&kg, format, &ExportOptions::default(), &mut out).expect("export");
            if let Some(rdf) = rdf {
                for q in RdfParser::from_format(rdf).for_slice(&out) {
                    q.unwrap_or_else(|e| panic!("{format:?} does not parse back: {e}"));
                }
            }
        }
        let net = kg_graph::network::Network::load(&kg).expect("network");
        let mut csv = Vec::new();
        kg_graph::tables::write_nodes_csv(&net, &mut csv).expect("nodes.csv");
        kg_graph::tables::write_edges_csv(&net, &mut csv).expect("edges.csv");
        kg.remove_document(labels[0]).expect("removed");
    });
}

static STATE: OnceLock<kg_server::State> = OnceLock::new();

#[test]
fn server_corpus() {
    let state = STATE.get_or_init(|| {
        let kg = KnowledgeGraph::in_memory().expect("store");
        let doc =
            Extractor::new().extract("d", "Chinese President Xi Jinping met Russian President Vladimir Putin.", None).expect("extract");
        kg.put_document(&doc, &DocumentMeta::default()).expect("put");
        let limits = kg_server::Limits { timeout: std::time::Duration::from_millis(200), max_results: 100, max_body: 4096 };
        kg_server::State::new(kg, limits, Some("fuzz-token-0123456789".into()), "127.0.0.1:0".into())
    });
    each("server", |data| {
        let text = String::from_utf8_lossy(data);
        let mut parts = text.splitn(4, '\n');
        let method = parts.next().unwrap_or("GET");
        let url = parts.next().unwrap_or("/");
        let headers: Vec<(String, String)> =
            parts.next().unwrap_or("").split('\t').filter_map(|h| h.split_once(':')).map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let body = parts.next().unwrap_or("").as_bytes().to_vec();
        let resp = kg_server::handle(state, &kg_server::http::Request::new(method, url, headers, body));
        assert!((100..600).contains(&resp.status));
    });
}
