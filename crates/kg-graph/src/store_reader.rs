//! Reading entities and the relations between them straight from the store's indexes,
//! one entity at a time, for searches that touch a small part of a large store (paths,
//! neighbourhoods) and must not load the whole network. What it reads matches
//! `Network::load` and the filter's `keeps_*` tests.

use std::collections::{BTreeSet, HashMap};

use oxigraph::model::{GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, Term, TermRef};

use crate::entities::label_and_type;
use crate::error::Result;
use crate::network::{Evidence, Filter, Node};
use crate::store::KnowledgeGraph;
use crate::vocab::{node, DOC, ENTITY, KG, RDF, SCHEMA};

/// One reified statement between two entities.
#[derive(Debug, Clone)]
pub(crate) struct Statement {
    /// The subject's IRI.
    pub subject: String,
    /// The predicate's local name.
    pub predicate: String,
    /// The object's IRI.
    pub object: String,
    /// Where and when the text states it.
    pub evidence: Evidence,
}

/// Reads of the store, each made once.
pub(crate) struct Reader<'a> {
    kg: &'a KnowledgeGraph,
    filter: &'a Filter,
    /// Entities found usable (a label, a document, a type the filter keeps) or not.
    usable: HashMap<String, bool>,
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
        Reader { kg, filter, usable: HashMap::new(), published: HashMap::new(), statements: HashMap::new() }
    }

    /// Whether an entity is a node of the network the filter keeps: an entity IRI with a
    /// label, mentioned in some document, of a type the filter keeps.
    pub(crate) fn usable(&mut self, iri: &str) -> Result<bool> {
        if let Some(&u) = self.usable.get(iri) {
            return Ok(u);
        }
        let mut u = false;
        if iri.starts_with(ENTITY) {
            if let Some((_, entity_type)) = label_and_type(self.kg, iri)? {
                let mentioned = node(format!("{KG}mentionedIn"));
                let subject = NamedNodeRef::new(iri)?;
                u = self.kg.store().quads_for_pattern(Some(subject.into()), Some(mentioned.as_ref()), None, None).next().is_some()
                    && (self.filter.types.is_empty() || entity_type.is_some_and(|t| self.filter.types.contains(&t)));
            }
        }
        self.usable.insert(iri.to_string(), u);
        Ok(u)
    }

    /// The publication date of a document graph.
    fn published(&mut self, graph: &NamedNode) -> Option<String> {
        if let Some(p) = self.published.get(graph.as_str()) {
            return p.clone();
        }
        let predicate = node(format!("{SCHEMA}datePublished"));
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
            let p = q.predicate.as_str();
            let iri = match &q.object {
                Term::NamedNode(n) => Some(n.as_str().to_string()),
                _ => None,
            };
            match p.strip_prefix(RDF).or_else(|| p.strip_prefix(KG)) {
                Some("subject") if p.starts_with(RDF) => subject = iri,
                Some("predicate") if p.starts_with(RDF) => predicate = iri,
                Some("object") if p.starts_with(RDF) => object = iri,
                Some("sentence") => sentence = literal_value(&q.object),
                Some("confidence") => confidence = literal_value(&q.object),
                Some("date") => date = literal_value(&q.object),
                Some("goldstein") => goldstein = literal_value(&q.object),
                _ => {}
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
        let predicate = predicate.strip_prefix(KG).unwrap_or(&predicate).to_string();
        Ok(Some(Statement { subject, predicate, object, evidence }))
    }

    /// The statements the filter keeps between `iri` and usable entities (itself too).
    pub(crate) fn statements_of(&mut self, iri: &str) -> Result<&[Statement]> {
        if !self.statements.contains_key(iri) {
            let entity = NamedNode::new(iri)?;
            let mut kept = Vec::new();
            let mut seen = BTreeSet::new();
            for role in ["subject", "object"] {
                let role = node(format!("{RDF}{role}"));
                let found: Vec<_> =
                    self.kg.store().quads_for_pattern(None, Some(role.as_ref()), Some(TermRef::from(entity.as_ref())), None).collect();
                for q in found {
                    let q = q?;
                    let (NamedOrBlankNode::NamedNode(st), oxigraph::model::GraphName::NamedNode(graph)) = (q.subject, q.graph_name) else {
                        continue;
                    };
                    if !seen.insert((st.as_str().to_string(), graph.as_str().to_string())) {
                        continue;
                    }
                    let Some(s) = self.statement(&st, &graph)? else { continue };
                    if !self.filter.keeps_predicate(&s.predicate)
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
        let (label, entity_type) = label_and_type(self.kg, iri)?.unwrap_or_default();
        let mentioned = node(format!("{KG}mentionedIn"));
        let subject = NamedNodeRef::new(iri)?;
        let mut documents = BTreeSet::new();
        for q in self.kg.store().quads_for_pattern(Some(subject.into()), Some(mentioned.as_ref()), None, None) {
            documents.insert(q?.object.to_string());
        }
        Ok(Node { iri: iri.to_string(), label, entity_type, documents: documents.len() })
    }
}
