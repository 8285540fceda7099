//! Reading entities and the relations between them straight from the store's indexes,
//! one entity at a time, for searches that touch a small part of a large store (paths,
//! neighbourhoods) and must not load the whole network. What it reads matches
//! `Network::load` and the filter's `keeps_*` tests.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use kg_model::EntityType;
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, Term, TermRef};

use kg_model::Predicate;

use crate::entities::{document_count, label_and_type};
use crate::error::Result;
use crate::network::{Edge, Evidence, Filter, Node};
use crate::store::KnowledgeGraph;
use crate::vocab::{node, rdf, schema, DOC, ENTITY, KG, RDF};

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

    /// A statement as the network reads it, if it joins two entities.
    fn statement(&mut self, st: &NamedNode, graph: &NamedNode) -> Result<Option<Statement>> {
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
                    "object" => object = iri,
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
        if !object.starts_with(ENTITY) {
            return Ok(None);
        }
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
        Ok(Some(Statement { subject, predicate, object, evidence }))
    }

    /// The statements the filter keeps between `iri` and usable entities (itself too).
    pub(crate) fn statements_of(&mut self, iri: &str) -> Result<&[Statement]> {
        if !self.statements.contains_key(iri) {
            let entity = NamedNode::new(iri)?;
            let mut kept = Vec::new();
            let mut seen = BTreeSet::new();
            for role in [rdf::SUBJECT, rdf::OBJECT] {
                let found: Vec<_> =
                    self.kg.store().quads_for_pattern(None, Some(role), Some(TermRef::from(entity.as_ref())), None).collect();
                for q in found {
                    let q = q?;
                    let (NamedOrBlankNode::NamedNode(st), GraphName::NamedNode(graph)) = (q.subject, q.graph_name) else {
                        continue;
                    };
                    if !seen.insert((st.as_str().to_string(), graph.as_str().to_string())) {
                        continue;
                    }
                    let Some(s) = self.statement(&st, &graph)? else { continue };
                    if !self.filter.keeps_predicate(s.predicate)
                        || !self.filter.keeps_evidence(&s.evidence)
                        || !self.usable(&s.subject)?
                        || !self.usable(&s.object)?
                    {
                        continue;
                    }
                    kept.push(s);
                }
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
