//! Every predicate of the vocabulary reaches every consumer through the model crate's table
//! alone: the cue lexicon accepts it, the RDF mapping writes it, the diagram draws it in its
//! family's colour, the filters keep it by name and by family, and scoring matches it. No
//! consumer names a predicate, so a row added to the table is covered by this test as it is.

use kg_graph::dot::{family_color, write_dot, DotOptions};
use kg_graph::export::{export, ExportFormat, ExportOptions};
use kg_graph::network::{Filter, Network};
use kg_graph::{DocumentMeta, KnowledgeGraph};
use kg_model::{Document, Entity, EntityType, Extraction, Family, Predicate, Range, Relation, Span};
use serde_json::json;

const SUBJECT: &str = "Alma Subjecta";
const OBJECT: &str = "Borel Objecta";

/// A subject type and (for relations between entities) an object type the predicate allows.
fn example_types(p: Predicate) -> (EntityType, Option<EntityType>) {
    let first = |set: kg_model::TypeSet| set.types().next().expect("a type");
    let object = match p.info().range {
        Range::Entities(range) => Some(first(range)),
        Range::Text => None,
    };
    (first(p.info().domain), object)
}

/// A document that states `p` once.
fn document(p: Predicate) -> Document {
    let (subject_type, object_type) = example_types(p);
    let entity = |id: &str, label: &str, entity_type| Entity {
        id: id.into(),
        label: label.into(),
        entity_type,
        aliases: vec![],
        mentions: vec![Span { start: 0, end: 5 }],
        wikidata: None,
    };
    let mut entities = vec![entity("e1", SUBJECT, subject_type)];
    entities.extend(object_type.map(|t| entity("e2", OBJECT, t)));
    let relation = Relation {
        subject: "e1".into(),
        predicate: p,
        object: object_type.map(|_| "e2".into()),
        literal: object_type.is_none().then(|| "a quotation long enough to count".into()),
        date: Some("2024-07-24".into()),
        title: None,
        cameo: p.cameo().map(str::to_string),
        code: None,
        goldstein: None,
        modality: None,
        confidence: 0.8,
        sentence: format!("{SUBJECT} and {OBJECT}."),
        start: 0,
        end: 5,
    };
    Document { id: "vocabulary".into(), published: Some("2024-07-24".into()), title: None, entities, relations: vec![relation] }
}

fn store_of(doc: &Document) -> KnowledgeGraph {
    let kg = KnowledgeGraph::in_memory().expect("store");
    kg.put_document(doc, &DocumentMeta::default()).expect("put");
    kg
}

#[test]
fn every_predicate_reaches_the_lexicon_the_graph_the_diagram_the_filters_and_scoring() {
    for &p in Predicate::ALL {
        let name = p.name();
        // The cue lexicon takes a row of it (an event with its CAMEO root).
        let cameo = p.cameo().unwrap_or_default();
        let code = if cameo.is_empty() { String::new() } else { format!("{cameo}0") };
        kg_extract::lexicon::parse_cue(&["test cue", "verb", name, cameo, &code]).unwrap_or_else(|e| panic!("{name}: {e}"));

        // RDF: a triple with the predicate's IRI.
        let doc = document(p);
        let kg = store_of(&doc);
        let mut nquads = Vec::new();
        export(&kg, ExportFormat::NQuads, &ExportOptions::default(), &mut nquads).expect("export");
        let nquads = String::from_utf8(nquads).expect("UTF-8");
        assert!(nquads.contains(&format!("<https://w3id.org/newskg/ontology#{name}>")), "{name} not in the N-Quads");

        if p.info().range == Range::Text {
            continue;
        }
        // The diagram: an edge labelled with the name, in the family's colour.
        let net = Network::load(&kg).expect("network");
        assert_eq!(net.edges.len(), 1, "{name}");
        let mut dot = Vec::new();
        write_dot(&net, DotOptions::default(), &mut dot).expect("dot");
        let dot = String::from_utf8(dot).expect("UTF-8");
        let colour = family_color(p.family());
        assert!(dot.contains(&format!("[label=\"{name}\", color=\"{colour}\"")), "{name} drawn without its colour:\n{dot}");

        // Filters: by name and by family; another family leaves it out.
        let kept = |f: Filter| net.filter(&f, false).expect("filter").edges.len();
        assert_eq!(kept(Filter { predicates: vec![p], ..Filter::default() }), 1, "{name} by name");
        assert_eq!(kept(Filter { families: vec![p.family()], ..Filter::default() }), 1, "{name} by family");
        let other = Family::ALL.into_iter().find(|f| *f != p.family()).expect("another family");
        assert_eq!(kept(Filter { families: vec![other], ..Filter::default() }), 0, "{name} under {other}");

        // Scoring: the same relation matches strictly; another predicate of its family leniently.
        let (subject_type, object_type) = example_types(p);
        let gold_for = |q: Predicate| {
            json!({"documents": [{"id": "vocabulary", "entities": [
                {"name": SUBJECT, "type": subject_type.as_str()},
                {"name": OBJECT, "type": object_type.map(EntityType::as_str)}],
                "relations": [{"s": SUBJECT, "p": q.name(), "o": OBJECT}]}]})
        };
        let predicted = serde_json::to_value(Extraction { documents: vec![doc] }).expect("JSON");
        let outcomes = kg_eval::scoring::relation_outcomes(&gold_for(p), &predicted);
        assert!(outcomes.len() == 1 && outcomes[0].strict && outcomes[0].lenient, "{name}: {outcomes:?}");
        if let Some(sibling) = p.family().predicates().find(|q| *q != p && q.info().range != Range::Text) {
            let outcomes = kg_eval::scoring::relation_outcomes(&gold_for(sibling), &predicted);
            assert!(!outcomes[0].strict && outcomes[0].lenient, "{name} against {sibling}: {outcomes:?}");
        }
    }
}

#[test]
fn the_shipped_cue_lexicon_names_only_predicates_of_the_vocabulary() {
    let text = std::fs::read_to_string(crate::common::repo().join("data/lexicon/verbs.tsv")).expect("verbs.tsv");
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty()) {
        let row: Vec<&str> = line.split('\t').collect();
        if let Err(e) = kg_extract::lexicon::parse_cue(&row) {
            panic!("data/lexicon/verbs.tsv line {}: {e}", n + 1);
        }
    }
    let misspelt = ["speak with", "verb", "spokWith", "04", "040"];
    assert!(kg_extract::lexicon::parse_cue(&misspelt).is_err(), "a misspelt predicate is refused");
}
