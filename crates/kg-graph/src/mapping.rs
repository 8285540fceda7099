//! Documents to RDF: one named graph per document holding the document's metadata,
//! its entities (type, label, aliases), its relations as direct triples, and for every
//! relation a reified `rdf:Statement` carrying the provenance.

use kg_model::{Document, EntityType};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};

use crate::resolution::{identity, resolution_quads, Resolution};
use crate::vocab::{class_of, document_iri, kg, rdf, rdfs, schema, skos, statement_iri, xsd};

/// The version of the mapping from documents to quads: a document stored under another
/// version is made again by the next ingest, whatever its text (2: cities and other places
/// share the `place:` kind of IRI).
pub const GRAPH_FORMAT: &str = "2";

/// What is known of a document beyond its text.
#[derive(Debug, Clone, Default)]
pub struct DocumentMeta {
    /// Where it came from (path or URL).
    pub source: Option<String>,
    /// Hash of the text ([`content_hash`]).
    pub content_hash: String,
    /// When it was ingested (xsd:dateTime), if recorded.
    pub ingested_at: Option<String>,
    /// The article's URL.
    pub url: Option<String>,
}

/// FNV-1a 64-bit hash of a text, as 16 hexadecimal digits.
pub fn content_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// A literal for a date as the extractor writes it: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
pub fn date_literal(date: &str) -> Literal {
    let datatype = match date.len() {
        10 => xsd::DATE,
        7 => xsd::G_YEAR_MONTH,
        4 => xsd::G_YEAR,
        _ => return Literal::new_simple_literal(date),
    };
    Literal::new_typed_literal(date, datatype)
}

struct Writer {
    graph: GraphName,
    quads: Vec<Quad>,
}

impl Writer {
    fn add(&mut self, s: impl Into<NamedOrBlankNode>, p: NamedNode, o: impl Into<Term>) {
        self.quads.push(Quad::new(s, p, o, self.graph.clone()));
    }
}

/// The quads of one document, all in the document's named graph, each entity its own node.
pub fn document_quads(doc: &Document, meta: &DocumentMeta) -> Vec<Quad> {
    resolved_document_quads(doc, meta, &identity(doc))
}

/// The quads of one document with its entities resolved to existing nodes.
pub fn resolved_document_quads(doc: &Document, meta: &DocumentMeta, resolution: &Resolution) -> Vec<Quad> {
    let doc_iri = document_iri(&doc.id);
    let mut w = Writer { graph: GraphName::NamedNode(doc_iri.clone()), quads: Vec::new() };
    let integer = |n: usize| Literal::new_typed_literal(n.to_string(), xsd::INTEGER);

    w.add(doc_iri.clone(), rdf::TYPE.into_owned(), schema::NEWS_ARTICLE);
    w.add(doc_iri.clone(), kg("documentId"), Literal::new_simple_literal(&doc.id));
    if let Some(t) = &doc.title {
        w.add(doc_iri.clone(), schema::HEADLINE.into_owned(), Literal::new_simple_literal(t));
    }
    if let Some(p) = &doc.published {
        w.add(doc_iri.clone(), schema::DATE_PUBLISHED.into_owned(), date_literal(p));
    }
    if let Some(url) = &meta.url {
        w.add(doc_iri.clone(), schema::URL.into_owned(), Literal::new_simple_literal(url));
    }
    if let Some(src) = &meta.source {
        w.add(doc_iri.clone(), kg("sourcePath"), Literal::new_simple_literal(src));
    }
    if !meta.content_hash.is_empty() {
        w.add(doc_iri.clone(), kg("contentHash"), Literal::new_simple_literal(&meta.content_hash));
    }
    if let Some(t) = &meta.ingested_at {
        w.add(doc_iri.clone(), kg("ingestedAt"), Literal::new_typed_literal(t, xsd::DATE_TIME));
    }
    w.add(doc_iri.clone(), kg("extractorVersion"), Literal::new_simple_literal(kg_model::EXTRACTOR_VERSION));
    w.add(doc_iri.clone(), kg("graphFormat"), Literal::new_simple_literal(GRAPH_FORMAT));

    let iri_of = |id: &str| resolution.get(id).map(|r| r.iri.clone());
    for e in &doc.entities {
        let Some(r) = resolution.get(&e.id) else { continue };
        let iri = r.iri.clone();
        w.add(iri.clone(), rdf::TYPE.into_owned(), class_of(r.entity_type));
        w.add(iri.clone(), rdfs::LABEL.into_owned(), Literal::new_simple_literal(&r.label));
        for a in std::iter::once(&e.label).chain(&e.aliases).filter(|a| **a != r.label) {
            w.add(iri.clone(), skos::ALT_LABEL.into_owned(), Literal::new_simple_literal(a));
        }
        w.add(iri.clone(), kg("mentionedIn"), doc_iri.clone());
        // A place's node is shared by cities and other places: the document's reading is
        // kept, and the node's type is the one most documents give it (`revise`).
        if matches!(r.entity_type, EntityType::City | EntityType::Location) {
            w.add(iri.clone(), kg("typeInDocument"), class_of(r.entity_type));
        }
        if e.entity_type == EntityType::Person || !e.mentions.is_empty() {
            w.add(iri.clone(), kg("mentionCount"), integer(e.mentions.len().max(1)));
        }
    }
    for (n, r) in doc.relations.iter().enumerate() {
        let Some(subject) = iri_of(&r.subject) else { continue };
        let object: Term = match (&r.object, &r.literal) {
            (Some(o), _) => match iri_of(o) {
                Some(iri) => iri.into(),
                None => continue,
            },
            (None, Some(lit)) => Literal::new_simple_literal(lit).into(),
            (None, None) => continue,
        };
        let predicate = kg(r.predicate.name());
        // An event that is negated, hypothetical or feared is a statement of the text, not a
        // fact of the graph: no direct triple, and the statement says how it was made.
        if r.modality.is_none() {
            w.add(subject.clone(), predicate.clone(), object.clone());
        }
        let st = statement_iri(&doc.id, n + 1);
        w.add(st.clone(), rdf::TYPE.into_owned(), rdf::STATEMENT);
        w.add(st.clone(), rdf::SUBJECT.into_owned(), subject);
        w.add(st.clone(), rdf::PREDICATE.into_owned(), predicate);
        w.add(st.clone(), rdf::OBJECT.into_owned(), object);
        w.add(st.clone(), kg("document"), doc_iri.clone());
        w.add(st.clone(), kg("sentence"), Literal::new_simple_literal(&r.sentence));
        w.add(st.clone(), kg("start"), integer(r.start));
        w.add(st.clone(), kg("end"), integer(r.end));
        let confidence = format!("{:.2}", r.confidence.clamp(0.0, 1.0));
        w.add(st.clone(), kg("confidence"), Literal::new_typed_literal(confidence, xsd::DECIMAL));
        if let Some(d) = &r.date {
            w.add(st.clone(), kg("date"), date_literal(d));
        }
        if let Some(t) = &r.title {
            w.add(st.clone(), kg("title"), Literal::new_simple_literal(t));
        }
        if let Some(c) = &r.cameo {
            w.add(st.clone(), kg("cameo"), Literal::new_simple_literal(c));
        }
        if let Some(c) = &r.code {
            w.add(st.clone(), kg("cameoCode"), Literal::new_simple_literal(c));
        }
        if let Some(g) = r.goldstein {
            w.add(st.clone(), kg("goldstein"), Literal::new_typed_literal(format!("{g:.1}"), xsd::DECIMAL));
        }
        if let Some(m) = &r.modality {
            w.add(st.clone(), kg("modality"), Literal::new_simple_literal(m));
        }
    }
    w.quads.extend(resolution_quads(doc, resolution));
    w.quads
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_entities_relations_and_provenance() {
        let ex = kg_extract::Extractor::new();
        let doc = ex
            .extract("t1", "Chinese President Xi Jinping met Russian President Vladimir Putin on Monday.", Some("2024-07-24"))
            .expect("extract");
        let quads = document_quads(&doc, &DocumentMeta { content_hash: content_hash("x"), ..Default::default() });
        let has = |s: &str, p: &str, o: &str| {
            quads
                .iter()
                .any(|q| q.subject.to_string() == s && q.predicate.as_str() == p.trim_matches(['<', '>']) && q.object.to_string() == o)
        };
        let xi = "<https://w3id.org/newskg/entity/person/xi-jinping>";
        assert!(has(xi, "<https://w3id.org/newskg/ontology#leaderOf>", "<https://w3id.org/newskg/entity/country/china>"));
        assert!(has(xi, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<http://schema.org/Person>"));
        assert!(quads.iter().any(|q| q.predicate.as_str().ends_with("#date") && q.object.to_string().contains("2024-07-22")));
        assert!(quads.iter().all(|q| q.graph_name.to_string() == "<https://w3id.org/newskg/doc/t1>"));
    }

    #[test]
    fn unasserted_events_are_statements_without_a_direct_triple() {
        let ex = kg_extract::Extractor::new().keep_hypothetical(true);
        let doc = ex.extract("t2", "Kenya did not criticize Ethiopia.", Some("2024-07-24")).expect("extract");
        assert_eq!(doc.relations.iter().filter_map(|r| r.modality.as_deref()).collect::<Vec<_>>(), ["negated"]);
        let quads = document_quads(&doc, &DocumentMeta { content_hash: content_hash("x"), ..Default::default() });
        assert!(!quads.iter().any(|q| q.predicate.as_str().ends_with("#criticized") && q.subject.to_string().contains("/entity/")));
        assert!(quads.iter().any(|q| q.predicate.as_str().ends_with("#modality") && q.object.to_string() == "\"negated\""));
    }

    #[test]
    fn date_literals_are_typed_by_precision() {
        assert!(date_literal("2024-07").datatype().as_str().ends_with("gYearMonth"));
        assert!(date_literal("2024-07-01").datatype().as_str().ends_with("#date"));
    }
}
