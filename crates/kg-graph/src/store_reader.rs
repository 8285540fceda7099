//! Reading entities and the relations between them straight from the store's indexes,
//! one entity at a time: the one reader of an entity's statements, used by searches that
//! touch a small part of a large store (paths, neighbourhoods; what they read matches
//! `Network::load` and the filter's `keeps_*` tests) and by the explorer's entity pages
//! ([`statements_about`]).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use kg_model::EntityType;
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, Term, TermRef};

use kg_model::Predicate;

use crate::entities::{document_count, label_and_type};
use crate::error::Result;
use crate::network::{Edge, Evidence, Filter, Node};
use crate::store::KnowledgeGraph;
use crate::vocab::{node, rdf, schema, DOC, ENTITY, KG, RDF};

/// What a stored statement links its subject to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Object {
    /// An entity, by IRI.
    Entity(String),
    /// A text: a quotation, a title, or an IRI that names no entity.
    Text(String),
}

/// One reified statement as stored: subject, predicate, object and its evidence.
#[derive(Debug, Clone)]
pub struct StoredStatement {
    /// The subject's IRI.
    pub subject: String,
    /// The predicate.
    pub predicate: Predicate,
    /// The object.
    pub object: Object,
    /// Where and when the text states it.
    pub evidence: Evidence,
}

/// Every statement whose subject or object is the entity `iri`, in every document, with
/// its evidence (dated by the statement, else by the document), ordered by statement IRI.
/// Statements of predicates outside the vocabulary are left out.
pub fn statements_about(kg: &KnowledgeGraph, iri: &str) -> Result<Vec<StoredStatement>> {
    let filter = Filter::default();
    let mut reader = Reader::new(kg, &filter);
    let mut found = Vec::new();
    reader.each_statement_of(iri, |s| {
        found.push(s);
        Ok(())
    })?;
    found.sort_by(|a, b| a.evidence.statement.cmp(&b.evidence.statement).then(a.evidence.document.cmp(&b.evidence.document)));
    Ok(found)
}

/// One reified statement between two entities.
#[derive(Debug, Clone)]
pub(crate) struct Statement {
    /// The subject's IRI.
    pub subject: String,
    /// The predicate.
    pub predicate: Predicate,
    /// The object's IRI.
    pub object: String,
    /// Where and when the text states it.
    pub evidence: Evidence,
}

/// Reads of the store, each made once.
pub(crate) struct Reader<'a> {
    kg: &'a KnowledgeGraph,
    filter: &'a Filter,
    /// The label and type of each entity looked at that is a network node (an entity
    /// IRI with a label, mentioned in a document); `None` for the others.
    entities: HashMap<String, Option<(String, Option<EntityType>)>>,
    /// Publication dates of document graphs.
    published: HashMap<String, Option<String>>,
    /// The kept statements of each entity read so far.
    statements: HashMap<String, Vec<Statement>>,
}

fn literal_value(t: &Term) -> Option<String> {
    match t {
        Term::Literal(l) => Some(l.value().to_string()),
        _ => None,
    }
}

impl<'a> Reader<'a> {
    pub(crate) fn new(kg: &'a KnowledgeGraph, filter: &'a Filter) -> Self {
        Reader { kg, filter, entities: HashMap::new(), published: HashMap::new(), statements: HashMap::new() }
    }

    /// The label and type of an entity that is a network node (an entity IRI with a
    /// label, mentioned in some document); `None` for anything else.
    fn entity(&mut self, iri: &str) -> Result<Option<&(String, Option<EntityType>)>> {
        if !self.entities.contains_key(iri) {
            let mut found = None;
            if iri.starts_with(ENTITY) {
                let mentioned = node(format!("{KG}mentionedIn"));
                let subject = NamedNodeRef::new(iri)?;
                if self.kg.store().quads_for_pattern(Some(subject.into()), Some(mentioned.as_ref()), None, None).next().is_some() {
                    found = label_and_type(self.kg, iri)?;
                }
            }
            self.entities.insert(iri.to_string(), found);
        }
        Ok(self.entities.get(iri).and_then(Option::as_ref))
    }

    /// Whether an entity is a node of the network the filter keeps: a network node of a
    /// type the filter keeps.
    pub(crate) fn usable(&mut self, iri: &str) -> Result<bool> {
        let types = &self.filter.types;
        let keeps = |(_, entity_type): &(String, Option<EntityType>)| types.is_empty() || entity_type.is_some_and(|t| types.contains(&t));
        Ok(self.entity(iri)?.is_some_and(keeps))
    }

    /// The publication date of a document graph.
    fn published(&mut self, graph: &NamedNode) -> Option<String> {
        if let Some(p) = self.published.get(graph.as_str()) {
            return p.clone();
        }
        let predicate = schema::DATE_PUBLISHED.into_owned();
        let date = self
            .kg
            .store()
            .quads_for_pattern(Some(graph.as_ref().into()), Some(predicate.as_ref()), None, Some(graph.as_ref().into()))
            .find_map(|q| q.ok().and_then(|q| literal_value(&q.object)));
        self.published.insert(graph.as_str().to_string(), date.clone());
        date
    }

    /// A statement as stored, if it is one of the vocabulary's.
    fn statement(&mut self, st: &NamedNode, graph: &NamedNode) -> Result<Option<StoredStatement>> {
        let (mut subject, mut predicate, mut object, mut sentence, mut confidence, mut date, mut goldstein) =
            (None, None, None, None, None, None, None);
        let in_graph = GraphNameRef::NamedNode(graph.as_ref());
        for q in self.kg.store().quads_for_pattern(Some(st.as_ref().into()), None, None, Some(in_graph)) {
            let q = q?;
            let iri = match &q.object {
                Term::NamedNode(n) => Some(n.as_str().to_string()),
                _ => None,
            };
            let p = q.predicate.as_str();
            if let Some(role) = p.strip_prefix(RDF) {
                match role {
                    "subject" => subject = iri,
                    "predicate" => predicate = iri,
                    "object" => {
                        object = match (iri, literal_value(&q.object)) {
                            (Some(iri), _) if iri.starts_with(ENTITY) => Some(Object::Entity(iri)),
                            (Some(iri), _) => Some(Object::Text(iri)),
                            (None, text) => text.map(Object::Text),
                        }
                    }
                    _ => {}
                }
            } else if let Some(property) = p.strip_prefix(KG) {
                match property {
                    "sentence" => sentence = literal_value(&q.object),
                    "confidence" => confidence = literal_value(&q.object),
                    "date" => date = literal_value(&q.object),
                    "goldstein" => goldstein = literal_value(&q.object),
                    _ => {}
                }
            }
        }
        let (Some(subject), Some(predicate), Some(object), Some(sentence), Some(confidence)) =
            (subject, predicate, object, sentence, confidence)
        else {
            return Ok(None);
        };
        let evidence = Evidence {
            statement: st.as_str().to_string(),
            document: graph.as_str().strip_prefix(DOC).unwrap_or(graph.as_str()).to_string(),
            sentence,
            date: date.or_else(|| self.published(graph)),
            confidence: confidence.parse().unwrap_or(0.0),
            goldstein: goldstein.and_then(|g| g.parse().ok()),
        };
        // Statements of predicates outside the vocabulary (loaded by hand) are no relations.
        let Some(predicate) = predicate.strip_prefix(KG).and_then(Predicate::from_name) else {
            return Ok(None);
        };
        Ok(Some(StoredStatement { subject, predicate, object, evidence }))
    }

    /// Calls `each` with every statement in the store whose subject or object is `iri`,
    /// once per statement and document.
    fn each_statement_of(&mut self, iri: &str, mut each: impl FnMut(StoredStatement) -> Result<()>) -> Result<()> {
        let entity = NamedNode::new(iri)?;
        let mut seen = BTreeSet::new();
        for role in [rdf::SUBJECT, rdf::OBJECT] {
            let found: Vec<_> = self.kg.store().quads_for_pattern(None, Some(role), Some(TermRef::from(entity.as_ref())), None).collect();
            for q in found {
                let q = q?;
                let (NamedOrBlankNode::NamedNode(st), GraphName::NamedNode(graph)) = (q.subject, q.graph_name) else {
                    continue;
                };
                if !seen.insert((st.as_str().to_string(), graph.as_str().to_string())) {
                    continue;
                }
                if let Some(s) = self.statement(&st, &graph)? {
                    each(s)?;
                }
            }
        }
        Ok(())
    }

    /// The statements the filter keeps between `iri` and usable entities (itself too).
    pub(crate) fn statements_of(&mut self, iri: &str) -> Result<&[Statement]> {
        if !self.statements.contains_key(iri) {
            let mut found = Vec::new();
            self.each_statement_of(iri, |s| {
                found.push(s);
                Ok(())
            })?;
            let mut kept = Vec::new();
            for s in found {
                let Object::Entity(object) = s.object else { continue };
                if !self.filter.keeps_predicate(s.predicate)
                    || !self.filter.keeps_evidence(&s.evidence)
                    || !self.usable(&s.subject)?
                    || !self.usable(&object)?
                {
                    continue;
                }
                kept.push(Statement { subject: s.subject, predicate: s.predicate, object, evidence: s.evidence });
            }
            self.statements.insert(iri.to_string(), kept);
        }
        Ok(self.statements.get(iri).map(Vec::as_slice).unwrap_or_default())
    }

    /// The other usable entities linked to `iri`, sorted.
    pub(crate) fn neighbours(&mut self, iri: &str) -> Result<Vec<String>> {
        let found: BTreeSet<String> = self
            .statements_of(iri)?
            .iter()
            .map(|s| if s.subject == iri { s.object.clone() } else { s.subject.clone() })
            .filter(|other| other != iri)
            .collect();
        Ok(found.into_iter().collect())
    }

    /// The network node of an entity.
    pub(crate) fn node(&mut self, iri: &str) -> Result<Node> {
        let (label, entity_type) = self.entity(iri)?.cloned().unwrap_or_default();
        Ok(Node { iri: iri.to_string(), label, entity_type, documents: document_count(self.kg, iri)? })
    }
}

/// Statements grouped into relations, as `Network::load` orders them: by subject,
/// predicate and object IRI, each relation's evidence by statement; relations with an
/// end `index` does not give are left out.
pub(crate) fn edges<'s>(statements: impl IntoIterator<Item = &'s Statement>, index: impl Fn(&str) -> Option<usize>) -> Vec<Edge> {
    let mut relations: BTreeMap<(&str, Predicate, &str), Vec<Evidence>> = BTreeMap::new();
    for s in statements {
        relations.entry((&s.subject, s.predicate, &s.object)).or_default().push(s.evidence.clone());
    }
    relations
        .into_iter()
        .filter_map(|((subject, predicate, object), mut evidence)| {
            evidence.sort_by(|a, b| a.statement.cmp(&b.statement));
            Some(Edge { source: index(subject)?, target: index(object)?, predicate, evidence })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::document_heading;
    use crate::test_stores::{extracted, store_of};

    #[test]
    fn reads_every_statement_about_an_entity_with_its_evidence() {
        let mut docs = extracted([
            ("a/1", "Kenyan President William Ruto met Ugandan President Yoweri Museveni in Kampala on Monday.", Some("2024-05-06")),
            ("b", "Museveni praised Ruto. \"We will build the railway together,\" Ruto said.", Some("2024-05-06")),
        ]);
        for doc in &mut docs {
            doc.title = Some(format!("Story {}", doc.id));
        }
        let kg = store_of(docs);
        let ruto = "https://w3id.org/newskg/entity/person/william-ruto";
        let found = statements_about(&kg, ruto).expect("read");
        let name = |s: &StoredStatement| s.predicate.name();
        // Outgoing and incoming, with entity and text objects.
        assert!(found.iter().any(|s| name(s) == "metWith" && s.subject == ruto));
        assert!(found.iter().any(|s| name(s) == "supported" && matches!(&s.object, Object::Entity(o) if o == ruto)));
        assert!(found.iter().any(|s| matches!(&s.object, Object::Text(t) if t.contains("railway"))), "{found:?}");
        assert!(found.iter().all(|s| s.subject == ruto || s.object == Object::Entity(ruto.to_string())));
        // Each statement's evidence names its document, as document_heading reads it back.
        for s in &found {
            let (id, title) = document_heading(&kg, &s.evidence.document).expect("heading").expect("a stored document");
            assert_eq!(title, Some(format!("Story {id}")));
            assert!(s.evidence.date.as_deref().is_some_and(|d| d.starts_with("2024-05")));
        }
        assert!(found.windows(2).all(|w| w[0].evidence.statement <= w[1].evidence.statement));
        assert!(document_heading(&kg, "missing").expect("heading").is_none());
        assert!(statements_about(&kg, "https://w3id.org/newskg/entity/person/nobody").expect("read").is_empty());
    }
}
