//! Shortest paths read straight from the store: a breadth-first search from both ends
//! that reads only the relations of the entities it reaches, through the store's
//! indexes, instead of loading the whole network first (which takes tens of seconds on
//! a store of ten million quads). The filters that need the whole network (a
//! neighbourhood, the top N by degree) are not supported here; `kg analyze` loads the
//! network for those.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use oxigraph::model::{GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, Term, TermRef};

use crate::analytics::Hop;
use crate::entities::label_and_type;
use crate::error::Result;
use crate::network::{Edge, Evidence, Filter, Network, Node};
use crate::store::KnowledgeGraph;
use crate::vocab::{node, DOC, ENTITY, KG, RDF, RDFS, SCHEMA};

/// A path found in the store: the entities on it (in path order) and the relations of
/// each hop, as a small [`Network`], and the hops over it.
#[derive(Debug, Clone, PartialEq)]
pub struct StorePath {
    /// The entities on the path and the relations between consecutive ones.
    pub network: Network,
    /// The hops, from the first entity to the last.
    pub hops: Vec<Hop>,
}

/// True when the store search applies the filter as `Network::filter` does (everything
/// but a neighbourhood and a top N).
pub fn supports(filter: &Filter) -> bool {
    filter.entity.is_none() && filter.top.is_none()
}

/// One reified statement between two entities.
#[derive(Debug, Clone)]
struct Statement {
    subject: String,
    predicate: String,
    object: String,
    evidence: Evidence,
}

/// The search's reads of the store, each made once.
struct Reader<'a> {
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
    fn new(kg: &'a KnowledgeGraph, filter: &'a Filter) -> Self {
        Reader { kg, filter, usable: HashMap::new(), published: HashMap::new(), statements: HashMap::new() }
    }

    /// Whether an entity is a node of the network the filter keeps: an entity IRI with a
    /// label, mentioned in some document, of a type the filter keeps.
    fn usable(&mut self, iri: &str) -> Result<bool> {
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

    /// The statements the filter keeps between `iri` and other usable entities.
    fn statements_of(&mut self, iri: &str) -> Result<&[Statement]> {
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
                    if s.subject == s.object
                        || !self.filter.keeps_predicate(&s.predicate)
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

    /// The usable entities linked to `iri`, sorted.
    fn neighbours(&mut self, iri: &str) -> Result<Vec<String>> {
        let found: BTreeSet<String> =
            self.statements_of(iri)?.iter().map(|s| if s.subject == iri { s.object.clone() } else { s.subject.clone() }).collect();
        Ok(found.into_iter().collect())
    }

    /// The network node of an entity.
    fn node(&mut self, iri: &str) -> Result<Node> {
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

/// The entity a name stands for in the store: its IRI, or a label (case-insensitive),
/// the entity mentioned in most documents when several share it; only entities the
/// filter's types keep. `None` when there is none.
pub fn find_entity(kg: &KnowledgeGraph, name: &str, filter: &Filter) -> Result<Option<String>> {
    let mut reader = Reader::new(kg, filter);
    if reader.usable(name)? {
        return Ok(Some(name.to_string()));
    }
    let label = node(format!("{RDFS}label"));
    let exact = oxigraph::model::Literal::new_simple_literal(name);
    let mut candidates: BTreeSet<String> = BTreeSet::new();
    for q in kg.store().quads_for_pattern(None, Some(label.as_ref()), Some(exact.as_ref().into()), None) {
        if let NamedOrBlankNode::NamedNode(n) = q?.subject {
            candidates.insert(n.into_string());
        }
    }
    if candidates.is_empty() {
        // No label written exactly so: compare every label case-insensitively.
        let lower = name.to_lowercase();
        for q in kg.store().quads_for_pattern(None, Some(label.as_ref()), None, None) {
            let q = q?;
            if let (NamedOrBlankNode::NamedNode(n), Term::Literal(l)) = (q.subject, &q.object) {
                if l.value().to_lowercase() == lower {
                    candidates.insert(n.into_string());
                }
            }
        }
    }
    let mut best: Option<(usize, String)> = None;
    for iri in candidates {
        if !reader.usable(&iri)? {
            continue;
        }
        let documents = reader.node(&iri)?.documents;
        if best.as_ref().is_none_or(|(d, _)| documents > *d) {
            best = Some((documents, iri));
        }
    }
    Ok(best.map(|(_, iri)| iri))
}

/// One side of the search: every entity reached, with the one it was reached from and
/// its distance, and the entities reached last.
struct Side {
    reached: HashMap<String, (Option<String>, usize)>,
    frontier: Vec<String>,
}

impl Side {
    fn new(start: &str) -> Side {
        Side { reached: HashMap::from([(start.to_string(), (None, 0))]), frontier: vec![start.to_string()] }
    }

    /// The entities from `iri` back to this side's start.
    fn chain(&self, iri: &str) -> Vec<String> {
        let mut out = vec![iri.to_string()];
        while let Some((Some(prev), _)) = self.reached.get(out.last().map(String::as_str).unwrap_or_default()) {
            out.push(prev.clone());
        }
        out
    }
}

/// A shortest path between two entities (IRIs, as [`find_entity`] gives them), ignoring
/// direction, over the relations the filter keeps, with every kept relation of every
/// hop; `None` when they are not connected or either is no entity the filter keeps. Of
/// several shortest paths, the one through the smallest IRI where the two searches meet.
pub fn shortest_path(kg: &KnowledgeGraph, from: &str, to: &str, filter: &Filter) -> Result<Option<StorePath>> {
    let mut reader = Reader::new(kg, filter);
    if !reader.usable(from)? || !reader.usable(to)? {
        return Ok(None);
    }
    let mut forward = Side::new(from);
    let mut backward = Side::new(to);
    let meeting = loop {
        if from == to {
            break Some(from.to_string());
        }
        if forward.frontier.is_empty() || backward.frontier.is_empty() {
            break None;
        }
        // Grow the smaller side by one whole level.
        let grow_forward = forward.frontier.len() <= backward.frontier.len();
        let (side, other) = if grow_forward { (&mut forward, &backward) } else { (&mut backward, &forward) };
        let depth = side.reached.get(&side.frontier[0]).map_or(0, |r| r.1) + 1;
        let mut next = Vec::new();
        for iri in std::mem::take(&mut side.frontier) {
            for n in reader.neighbours(&iri)? {
                if !side.reached.contains_key(&n) {
                    side.reached.insert(n.clone(), (Some(iri.clone()), depth));
                    next.push(n);
                }
            }
        }
        next.sort();
        let meet = next.iter().filter_map(|n| other.reached.get(n).map(|r| (r.1, n))).min();
        if let Some((_, n)) = meet {
            break Some(n.clone());
        }
        side.frontier = next;
    };
    let Some(meeting) = meeting else { return Ok(None) };
    let mut entities = forward.chain(&meeting);
    entities.reverse();
    entities.extend(backward.chain(&meeting).into_iter().skip(1));

    let mut network = Network::default();
    for iri in &entities {
        network.nodes.push(reader.node(iri)?);
    }
    let index: HashMap<&str, usize> = entities.iter().enumerate().map(|(k, iri)| (iri.as_str(), k)).collect();
    let mut hops = Vec::new();
    for (k, pair) in entities.windows(2).enumerate() {
        // Relations of the hop, in the loaded network's order: subject, predicate, object
        // IRIs, each relation's evidence by statement.
        let mut edges: BTreeMap<(String, String, String), Vec<Evidence>> = BTreeMap::new();
        for s in reader.statements_of(&pair[0])? {
            if s.subject == pair[1] || s.object == pair[1] {
                edges.entry((s.subject.clone(), s.predicate.clone(), s.object.clone())).or_default().push(s.evidence.clone());
            }
        }
        let first = network.edges.len();
        for ((subject, predicate, object), mut evidence) in edges {
            evidence.sort_by(|a, b| a.statement.cmp(&b.statement));
            let (Some(&source), Some(&target)) = (index.get(subject.as_str()), index.get(object.as_str())) else { continue };
            network.edges.push(Edge { source, target, predicate, evidence });
        }
        hops.push(Hop { from: k, to: k + 1, edges: (first..network.edges.len()).collect() });
    }
    Ok(Some(StorePath { network, hops }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics;
    use crate::DocumentMeta;

    fn store(texts: &[&str]) -> KnowledgeGraph {
        let kg = KnowledgeGraph::in_memory().expect("store");
        let ex = kg_extract::Extractor::new();
        for (k, text) in texts.iter().enumerate() {
            let doc = ex.extract(&format!("d{k}"), text, Some(&format!("2024-05-0{}", k + 1))).expect("extract");
            kg.put_document(&doc, &DocumentMeta::default()).expect("put");
        }
        kg
    }

    /// The hops as (subject, predicate, object, documents) labels, for comparing searches.
    fn described(net: &Network, hops: &[Hop]) -> Vec<Vec<(String, String, String, Vec<String>)>> {
        hops.iter()
            .map(|h| {
                h.edges
                    .iter()
                    .map(|&k| {
                        let e = &net.edges[k];
                        let docs = e.evidence.iter().map(|x| x.document.clone()).collect();
                        (net.nodes[e.source].label.clone(), e.predicate.clone(), net.nodes[e.target].label.clone(), docs)
                    })
                    .collect()
            })
            .collect()
    }

    const TEXTS: &[&str] = &[
        "Kenya criticized Uganda over the border dispute.",
        "Uganda signed a trade agreement with Tanzania.",
        "Tanzania praised Rwanda for its help. Peru criticized Chile.",
        "Rwanda accused Burundi of shelling the border.",
    ];

    #[test]
    fn finds_the_path_the_loaded_network_finds() {
        let kg = store(TEXTS);
        let net = Network::load(&kg).expect("network");
        let filter = Filter::default();
        for (a, b) in [("Kenya", "Burundi"), ("Burundi", "Kenya"), ("Uganda", "Rwanda"), ("Kenya", "Kenya")] {
            let from = find_entity(&kg, a, &filter).expect("find").expect(a);
            let to = find_entity(&kg, b, &filter).expect("find").expect(b);
            let found = shortest_path(&kg, &from, &to, &filter).expect("search").expect("a path");
            let expected = analytics::shortest_path(&net, net.find(a).expect(a), net.find(b).expect(b)).expect("a path");
            assert_eq!(described(&found.network, &found.hops), described(&net, &expected), "{a} to {b}");
        }
        let (kenya, burundi) = (find_entity(&kg, "kenya", &filter).unwrap(), find_entity(&kg, "Burundi", &filter).unwrap());
        let path = shortest_path(&kg, &kenya.unwrap(), &burundi.unwrap(), &filter).unwrap().expect("a path");
        let labels: Vec<&str> = path.network.nodes.iter().map(|n| n.label.as_str()).collect();
        assert_eq!(labels, ["Kenya", "Uganda", "Tanzania", "Rwanda", "Burundi"]);
    }

    #[test]
    fn unconnected_entities_and_unknown_names() {
        let kg = store(TEXTS);
        let filter = Filter::default();
        let kenya = find_entity(&kg, "Kenya", &filter).expect("find").expect("Kenya");
        let peru = find_entity(&kg, "peru", &filter).expect("find").expect("case-insensitive");
        assert!(shortest_path(&kg, &kenya, &peru, &filter).expect("search").is_none());
        assert_eq!(find_entity(&kg, "Atlantis", &filter).expect("find"), None);
        let nowhere = format!("{ENTITY}country/atlantis");
        assert!(shortest_path(&kg, &nowhere, &nowhere, &filter).expect("search").is_none(), "no such entity");
        assert_eq!(find_entity(&kg, &kenya, &filter).expect("find"), Some(kenya.clone()), "an IRI names itself");
    }

    #[test]
    fn filters_cut_the_path_as_they_cut_the_network() {
        let kg = store(TEXTS);
        let kenya = find_entity(&kg, "Kenya", &Filter::default()).unwrap().unwrap();
        let burundi = find_entity(&kg, "Burundi", &Filter::default()).unwrap().unwrap();
        // Evidence dated from May 2nd on: Kenya's one relation (the first document's, May 1st) is gone.
        let dated = Filter { from: Some("2024-05-02".into()), ..Filter::default() };
        assert!(shortest_path(&kg, &kenya, &burundi, &dated).expect("search").is_none());
        let conflict = Filter { families: vec!["verbalConflict".into(), "materialConflict".into()], ..Filter::default() };
        assert!(shortest_path(&kg, &kenya, &burundi, &conflict).expect("search").is_none(), "the trade agreement is no conflict");
        let net = Network::load(&kg).unwrap().filter(&conflict, true).unwrap();
        assert!(net.find("Kenya").zip(net.find("Burundi")).and_then(|(a, b)| analytics::shortest_path(&net, a, b)).is_none());
        assert!(supports(&conflict) && !supports(&Filter { top: Some(3), ..Filter::default() }));
    }
}
