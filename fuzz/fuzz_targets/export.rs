#![no_main]
//! Every exporter given hostile labels (quotes, newlines, angle brackets, control and
//! bidirectional characters): RDF output must parse back, the others must not panic.
use std::sync::OnceLock;

use kg_extract::{Document, Entity, EntityType, Relation, Span};
use kg_graph::export::{export, ExportFormat, ExportOptions};
use kg_graph::{DocumentMeta, KnowledgeGraph};
use libfuzzer_sys::fuzz_target;
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfParser};

static KG: OnceLock<KnowledgeGraph> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
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
    let kg = KG.get_or_init(|| KnowledgeGraph::in_memory().expect("store"));
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
        export(kg, format, &ExportOptions::default(), &mut out).expect("export");
        if let Some(rdf) = rdf {
            for q in RdfParser::from_format(rdf).for_slice(&out) {
                q.unwrap_or_else(|e| panic!("{format:?} does not parse back: {e}"));
            }
        }
    }
    let net = kg_graph::network::Network::load(kg).expect("network");
    let mut csv = Vec::new();
    kg_graph::tables::write_nodes_csv(&net, &mut csv).expect("nodes.csv");
    kg_graph::tables::write_edges_csv(&net, &mut csv).expect("edges.csv");
    kg.remove_document(labels[0]).expect("removed");
});
