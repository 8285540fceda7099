//! Export then import gives the same graph, for every RDF format, on generated documents
//! with hostile text (quotes, newlines, angle brackets, control and bidirectional characters).

use kg_graph::export::{export, ExportFormat, ExportOptions};
use kg_graph::{DocumentMeta, KnowledgeGraph};
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfParser};
use oxigraph::model::{Quad, Triple};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "Kenyan",
    "President",
    "William",
    "Ruto",
    "met",
    "Ethiopian",
    "Prime",
    "Minister",
    "Abiy",
    "Ahmed",
    "criticized",
    "Uganda",
    "Peru",
    "\"",
    "said",
    ",",
    ".",
    "<b>",
    "&amp;",
    "\\",
    "\u{1}",
    "\u{202e}",
    "Zoë",
    "“We",
    "agree”",
    "\n",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..60).prop_map(|w| w.join(" "))
}

fn quads_of(data: &[u8], format: RdfFormat) -> std::collections::HashSet<Quad> {
    RdfParser::from_format(format).for_slice(data).map(|q| q.expect("parses back")).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, .. ProptestConfig::default() })]

    #[test]
    fn every_rdf_format_round_trips(a in text(), b in text(), source in text()) {
        let kg = KnowledgeGraph::in_memory().expect("store");
        let ex = kg_extract::Extractor::new();
        for (id, t) in [("a", &a), ("b <\"x\">", &b)] {
            let doc = ex.extract(id, t, Some("2024-07-24")).expect("extract");
            kg.put_document(&doc, &DocumentMeta { source: Some(source.clone()), ..Default::default() }).expect("put");
        }
        let all: std::collections::HashSet<Quad> = kg.store().iter().map(|q| q.expect("quad")).collect();
        let triples: std::collections::HashSet<Triple> = all.iter().cloned().map(Triple::from).collect();
        for (format, rdf) in [
            (ExportFormat::NQuads, RdfFormat::NQuads),
            (ExportFormat::TriG, RdfFormat::TriG),
            (ExportFormat::JsonLd, RdfFormat::JsonLd { profile: JsonLdProfileSet::empty() }),
            (ExportFormat::Turtle, RdfFormat::Turtle),
            (ExportFormat::NTriples, RdfFormat::NTriples),
            (ExportFormat::RdfXml, RdfFormat::RdfXml),
        ] {
            let mut out = Vec::new();
            export(&kg, format, &ExportOptions::default(), &mut out).expect("export");
            let back = quads_of(&out, rdf);
            if rdf.supports_datasets() {
                prop_assert_eq!(&back, &all, "{:?}", format);
            } else {
                let back: std::collections::HashSet<Triple> = back.into_iter().map(Triple::from).collect();
                prop_assert_eq!(&back, &triples, "{:?}", format);
            }
        }
    }
}
