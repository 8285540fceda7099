//! Exporters given hostile labels, shared by the fuzz target and the test that replays
//! its corpus: RDF output must parse back; the other formats must not fail.

use kg_model::{Document, Entity, EntityType, Predicate, Relation, Span};
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfParser};

use crate::export::{export, ExportFormat, ExportOptions};
use crate::network::Network;
use crate::tables::{write_edges_csv, write_nodes_csv};
use crate::{DocumentMeta, KnowledgeGraph};

/// A document whose labels, aliases, titles, quotes and sentence come from `data`
/// (`|`-separated), with quotes, newlines and a right-to-left mark added.
pub fn hostile_document(data: &[u8]) -> Document {
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
            wikidata: (k == 0).then(|| format!("Q1{l}")),
        })
        .collect();
    let relations: Vec<Relation> = (1..entities.len())
        .map(|k| Relation {
            subject: "e1".into(),
            predicate: [Predicate::SpokeWith, Predicate::Criticized, Predicate::LeaderOf, Predicate::Said][k % 4],
            object: (k % 4 != 3).then(|| format!("e{}", k + 1)),
            literal: (k % 4 == 3).then(|| labels[k].to_string()),
            date: Some("2024-07-24".into()),
            title: Some(labels[k].to_string()),
            cameo: None,
            code: None,
            goldstein: Some(1.0),
            modality: (k % 4 == 1).then(|| labels[k].to_string()),
            confidence: 0.5,
            sentence: text.to_string(),
            start: 0,
            end: 1,
        })
        .collect();
    Document { id: labels[0].to_string(), published: None, title: Some(text.to_string()), entities, relations }
}

/// Stores the hostile document of `data` in `kg`, writes every export format, checks
/// that the RDF ones parse back, and removes the document again. Panics on a failure.
pub fn export_round_trip(kg: &KnowledgeGraph, data: &[u8]) {
    let doc = hostile_document(data);
    let source = String::from_utf8_lossy(data).to_string();
    kg.put_document(&doc, &DocumentMeta { source: Some(source), ..Default::default() }).expect("stored");
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
    let net = Network::load(kg).expect("network");
    let mut csv = Vec::new();
    write_nodes_csv(&net, &mut csv).expect("nodes.csv");
    write_edges_csv(&net, &mut csv).expect("edges.csv");
    kg.remove_document(&doc.id).expect("removed");
}
