//! The knowledge graph as a network: entities as nodes, relations between entities as
//! edges with their evidence (document, sentence, date, confidence, Goldstein weight).
//! Exports other than whole-store RDF and all analytics work on this view, after the
//! filters users ask for (neighbourhood, predicate or family, type, dates, document, top N).
//! `Network::load_filtered`, which reads only a neighbourhood when the filter names an
//! entity, is in `neighbourhood`.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

use kg_model::EntityType;
use kg_model::{Family, Predicate};
use oxigraph::model::Term;

use crate::error::{GraphError, Result};
use crate::query::select_rows;
use crate::store::KnowledgeGraph;
use crate::vocab::{DOC, KG};

/// An entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Its IRI.
    pub iri: String,
    /// Its label.
    pub label: String,
    /// Its type.
    pub entity_type: Option<EntityType>,
    /// Number of documents that mention it.
    pub documents: usize,
}

/// One statement of a relation: where and when the text states it.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// The statement IRI.
    pub statement: String,
    /// The document id.
    pub document: String,
    /// The sentence.
    pub sentence: String,
    /// When it happened (the statement's date, else the document's publication date).
    pub date: Option<String>,
    /// Extractor confidence.
    pub confidence: f64,
    /// Goldstein weight, for events.
    pub goldstein: Option<f64>,
}

/// A relation between two entities with all its evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// Index of the subject node.
    pub source: usize,
    /// Index of the object node.
    pub target: usize,
    /// The predicate.
    pub predicate: Predicate,
    /// The statements that support it.
    pub evidence: Vec<Evidence>,
}

impl Edge {
    /// The relation family of the predicate.
    pub fn family(&self) -> Family {
        self.predicate.family()
    }

    /// Number of distinct documents that state it.
    pub fn documents(&self) -> usize {
        self.evidence.iter().map(|e| e.document.as_str()).collect::<BTreeSet<_>>().len()
    }

    /// Earliest and latest date among the evidence.
    pub fn date_range(&self) -> (Option<&str>, Option<&str>) {
        let dates = self.evidence.iter().filter_map(|e| e.date.as_deref());
        (dates.clone().min(), dates.max())
    }

    /// Highest confidence among the evidence.
    pub fn confidence(&self) -> f64 {
        self.evidence.iter().map(|e| e.confidence).fold(0.0, f64::max)
    }
}

/// One hop of a path: from, to and the relations between them.
#[derive(Debug, Clone, PartialEq)]
pub struct Hop {
    /// Node index the hop starts at.
    pub from: usize,
    /// Node index the hop ends at.
    pub to: usize,
    /// Indices of the edges between the two, in either direction.
    pub edges: Vec<usize>,
}

/// Which part of the network to keep.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Centre of a neighbourhood: a label (case-insensitive) or an IRI.
    pub entity: Option<String>,
    /// Radius of the neighbourhood in hops (default 1 when `entity` is set).
    pub hops: Option<usize>,
    /// Keep only these predicates.
    pub predicates: Vec<Predicate>,
    /// Keep only predicates of these families.
    pub families: Vec<Family>,
    /// Keep only entities of these types.
    pub types: Vec<EntityType>,
    /// Keep only evidence dated on or after this (prefix comparison: `2024`, `2024-07`, `2024-07-24`).
    pub from: Option<String>,
    /// Keep only evidence dated on or before this.
    pub to: Option<String>,
    /// Keep only evidence from this document.
    pub document: Option<String>,
    /// Keep only the N entities of highest degree.
    pub top: Option<usize>,
}

impl Filter {
    /// Predicates by their names (`leaderOf`, …), for filters that users write.
    pub fn predicates_named(names: &[String]) -> Result<Vec<Predicate>> {
        names
            .iter()
            .map(|p| {
                Predicate::from_name(p).ok_or_else(|| {
                    let known: Vec<&str> = Predicate::ALL.iter().map(|x| x.name()).collect();
                    GraphError::Invalid(format!("unknown predicate {p:?} (one of {})", known.join(", ")))
                })
            })
            .collect()
    }

    /// Relation families by their names (`affiliation`, …).
    pub fn families_named(names: &[String]) -> Result<Vec<Family>> {
        names.iter().map(|f| Family::from_name(f).ok_or_else(|| GraphError::Invalid(format!("unknown family {f:?}")))).collect()
    }

    /// True when nothing is filtered.
    pub fn is_empty(&self) -> bool {
        self.entity.is_none()
            && self.predicates.is_empty()
            && self.families.is_empty()
            && self.types.is_empty()
            && self.from.is_none()
            && self.to.is_none()
            && self.document.is_none()
            && self.top.is_none()
    }

    /// True when the evidence's date and document pass the filter.
    pub(crate) fn keeps_evidence(&self, e: &Evidence) -> bool {
        let date_ok = |bound: &Option<String>, after: bool| match (bound, &e.date) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(b), Some(d)) => {
                let n = b.len().min(d.len());
                if after {
                    d[..n] >= b[..n]
                } else {
                    d[..n] <= b[..n]
                }
            }
        };
        date_ok(&self.from, true) && date_ok(&self.to, false) && self.document.as_ref().is_none_or(|d| *d == e.document)
    }

    /// True when the predicate passes the filter.
    pub(crate) fn keeps_predicate(&self, p: Predicate) -> bool {
        (self.predicates.is_empty() || self.predicates.contains(&p)) && (self.families.is_empty() || self.families.contains(&p.family()))
    }
}

/// Entities and the relations between them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Network {
    /// Entities.
    pub nodes: Vec<Node>,
    /// Relations between entities.
    pub edges: Vec<Edge>,
}

fn text(t: &Option<Term>) -> Option<String> {
    match t {
        Some(Term::Literal(l)) => Some(l.value().to_string()),
        Some(Term::NamedNode(n)) => Some(n.as_str().to_string()),
        _ => None,
    }
}

/// An entity's IRI, document count, and label and type if it has them.
type Labelled = (String, usize, Option<(String, Option<EntityType>)>);

/// The label and type of each entity, looked up on every core (two index look-ups an
/// entity: most of the time of loading a large store's network), in the given order.
fn labels_and_types(kg: &KnowledgeGraph, entities: Vec<(String, usize)>) -> Result<Vec<Labelled>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = entities.len().div_ceil(threads).max(1);
    let parts: Vec<Result<Vec<Labelled>>> = std::thread::scope(|scope| {
        let workers: Vec<_> = entities
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|(iri, documents)| Ok((iri.clone(), *documents, crate::entities::label_and_type(kg, iri)?)))
                        .collect::<Result<Vec<Labelled>>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_else(|_| Err(crate::GraphError::Invalid("a look-up thread failed".into()))))
            .collect()
    });
    let mut out = Vec::with_capacity(entities.len());
    for part in parts {
        out.extend(part?);
    }
    Ok(out)
}

impl Network {
    /// Reads the network from the store.
    pub fn load(kg: &KnowledgeGraph) -> Result<Network> {
        let mut net = Network::default();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut counts: Vec<(String, usize)> = crate::entities::document_counts(kg)?.into_iter().collect();
        counts.sort();
        for (iri, documents, found) in labels_and_types(kg, counts)? {
            let Some((label, entity_type)) = found else { continue };
            index.insert(iri.clone(), net.nodes.len());
            net.nodes.push(Node { iri, label, entity_type, documents });
        }
        let edges_q = "SELECT ?s ?p ?o ?st ?g ?sentence ?date ?published ?conf ?gold WHERE { GRAPH ?g { \
               ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:sentence ?sentence ; kg:confidence ?conf . \
               OPTIONAL { ?st kg:date ?date } OPTIONAL { ?st kg:goldstein ?gold } OPTIONAL { ?g schema:datePublished ?published } \
               FILTER(isIRI(?o)) } }";
        let mut by_key: BTreeMap<(usize, Predicate, usize), Vec<Evidence>> = BTreeMap::new();
        for r in select_rows(kg, edges_q)? {
            let (Some(s), Some(p), Some(o), Some(st), Some(g)) = (text(&r[0]), text(&r[1]), text(&r[2]), text(&r[3]), text(&r[4])) else {
                continue;
            };
            let (Some(&si), Some(&oi)) = (index.get(&s), index.get(&o)) else { continue };
            // Statements of predicates outside the vocabulary (loaded by hand) are no relations.
            let Some(predicate) = p.strip_prefix(KG).and_then(Predicate::from_name) else { continue };
            let evidence = Evidence {
                statement: st,
                document: g.strip_prefix(DOC).unwrap_or(&g).to_string(),
                sentence: text(&r[5]).unwrap_or_default(),
                date: text(&r[6]).or_else(|| text(&r[7])),
                confidence: text(&r[8]).and_then(|c| c.parse().ok()).unwrap_or(0.0),
                goldstein: text(&r[9]).and_then(|c| c.parse().ok()),
            };
            by_key.entry((si, predicate, oi)).or_default().push(evidence);
        }
        // Sorted here rather than in the query: Oxigraph's ORDER BY looks strings up
        // again for every comparison (5 of the 9 s this query took on 10.7 M quads).
        net.edges = by_key
            .into_iter()
            .map(|((source, predicate, target), mut evidence)| {
                evidence.sort_by(|a, b| a.statement.cmp(&b.statement));
                Edge { source, target, predicate, evidence }
            })
            .collect();
        Ok(net)
    }

    /// The node whose IRI or label (case-insensitive) is `name`; labels matching several
    /// nodes give the one mentioned in most documents.
    pub fn find(&self, name: &str) -> Option<usize> {
        if let Some(i) = self.nodes.iter().position(|n| n.iri == name) {
            return Some(i);
        }
        let lower = name.to_lowercase();
        self.nodes.iter().enumerate().filter(|(_, n)| n.label.to_lowercase() == lower).max_by_key(|(_, n)| n.documents).map(|(i, _)| i)
    }

    /// Total degree (in + out, counting each relation once) of every node.
    pub fn degrees(&self) -> Vec<usize> {
        let mut d = vec![0; self.nodes.len()];
        for e in &self.edges {
            d[e.source] += 1;
            d[e.target] += 1;
        }
        d
    }

    /// Undirected adjacency lists (neighbour, edge index).
    pub fn adjacency(&self) -> Vec<Vec<(usize, usize)>> {
        adjacency_of(self.nodes.len(), &self.edges)
    }

    /// The part of the network the filter keeps. `keep_isolated` keeps entities without
    /// relations when no edge filter applies (tables of all entities); diagrams drop them.
    pub fn filter(&self, f: &Filter, keep_isolated: bool) -> Result<Network> {
        let mut keep_node: Vec<bool> =
            self.nodes.iter().map(|n| f.types.is_empty() || n.entity_type.is_some_and(|t| f.types.contains(&t))).collect();
        let mut edges: Vec<Edge> = Vec::new();
        for e in &self.edges {
            if !keep_node[e.source] || !keep_node[e.target] || !f.keeps_predicate(e.predicate) {
                continue;
            }
            let evidence: Vec<Evidence> = e.evidence.iter().filter(|x| f.keeps_evidence(x)).cloned().collect();
            if !evidence.is_empty() {
                edges.push(Edge { evidence, ..e.clone() });
            }
        }
        let mut centre = None;
        if let Some(name) = &f.entity {
            let c = self.find(name).ok_or_else(|| crate::GraphError::Invalid(format!("no entity named {name:?} in the store")))?;
            centre = Some(c);
            let hops = f.hops.unwrap_or(1);
            let within: Vec<bool> = breadth_first(&adjacency_of(self.nodes.len(), &edges), c, hops).iter().map(Option::is_some).collect();
            edges.retain(|e| within[e.source] && within[e.target]);
            for (k, w) in within.iter().enumerate() {
                keep_node[k] &= *w;
            }
        }
        let edge_filtered = f.entity.is_some()
            || !f.predicates.is_empty()
            || !f.families.is_empty()
            || f.from.is_some()
            || f.to.is_some()
            || f.document.is_some();
        if edge_filtered || !keep_isolated {
            let mut touched = vec![false; self.nodes.len()];
            for e in &edges {
                touched[e.source] = true;
                touched[e.target] = true;
            }
            if let Some(c) = centre {
                touched[c] = true;
            }
            for (k, t) in touched.iter().enumerate() {
                keep_node[k] &= *t;
            }
        }
        if let Some(n) = f.top {
            let sub = self.rebuild(&keep_node, &edges);
            let degrees = sub.degrees();
            let mut order: Vec<usize> = (0..sub.nodes.len()).collect();
            order.sort_by(|&a, &b| degrees[b].cmp(&degrees[a]).then(sub.nodes[a].label.cmp(&sub.nodes[b].label)));
            let chosen: BTreeSet<&str> = order.iter().take(n).map(|&k| sub.nodes[k].iri.as_str()).collect();
            for (k, node) in self.nodes.iter().enumerate() {
                keep_node[k] &= chosen.contains(node.iri.as_str());
            }
        }
        Ok(self.rebuild(&keep_node, &edges))
    }

    /// A network of the kept nodes and the given edges among them, renumbered.
    fn rebuild(&self, keep_node: &[bool], edges: &[Edge]) -> Network {
        let mut new_index = vec![usize::MAX; self.nodes.len()];
        let mut nodes = Vec::new();
        for (k, n) in self.nodes.iter().enumerate() {
            if keep_node[k] {
                new_index[k] = nodes.len();
                nodes.push(n.clone());
            }
        }
        let edges = edges
            .iter()
            .filter(|e| keep_node[e.source] && keep_node[e.target])
            .map(|e| Edge { source: new_index[e.source], target: new_index[e.target], ..e.clone() })
            .collect();
        Network { nodes, edges }
    }
}

/// Undirected adjacency lists of `edges` over `nodes` nodes: (neighbour, edge index).
fn adjacency_of(nodes: usize, edges: &[Edge]) -> Vec<Vec<(usize, usize)>> {
    let mut adj = vec![Vec::new(); nodes];
    for (k, e) in edges.iter().enumerate() {
        adj[e.source].push((e.target, k));
        adj[e.target].push((e.source, k));
    }
    adj
}

/// Breadth-first search over `adj` from `from`, ignoring direction, out to `max_hops`: for
/// each node reached, its distance and the node it was reached from (neighbours are taken
/// in index order, so the tree is the same on every run). The one in-memory search: the
/// neighbourhood filter and shortest paths use it.
pub(crate) fn breadth_first(adj: &[Vec<(usize, usize)>], from: usize, max_hops: usize) -> Vec<Option<(usize, usize)>> {
    let mut reached = vec![None; adj.len()];
    reached[from] = Some((0, from));
    let mut queue = VecDeque::from([from]);
    while let Some(v) = queue.pop_front() {
        let depth = reached[v].map_or(0, |(d, _)| d);
        if depth == max_hops {
            continue;
        }
        let mut next: Vec<usize> = adj[v].iter().map(|(u, _)| *u).collect();
        next.sort_unstable();
        next.dedup();
        for u in next {
            if reached[u].is_none() {
                reached[u] = Some((depth + 1, v));
                queue.push_back(u);
            }
        }
    }
    reached
}

#[cfg(test)]
mod tests {
    use super::*;

    fn network() -> Network {
        let kg = crate::test_stores::store_of(crate::test_stores::extracted([
            ("a", "Kenya criticized Ethiopia. Kenya praised Uganda.", Some("2024-01-10")),
            ("b", "Kenya criticized Ethiopia again. Uganda sanctioned Rwanda.", Some("2024-03-05")),
        ]));
        Network::load(&kg).expect("load")
    }

    #[test]
    fn loads_edges_with_evidence_from_every_document() {
        let net = network();
        let e = net.edges.iter().find(|e| e.predicate == Predicate::Criticized).expect("criticized");
        assert_eq!((net.nodes[e.source].label.as_str(), net.nodes[e.target].label.as_str()), ("Kenya", "Ethiopia"));
        assert_eq!(e.documents(), 2);
        assert_eq!(e.date_range(), (Some("2024-01-10"), Some("2024-03-05")));
        assert_eq!(e.family(), Family::VerbalConflict);
    }

    #[test]
    fn filters_by_neighbourhood_family_date_and_top() {
        let net = network();
        let near = net.filter(&Filter { entity: Some("kenya".into()), hops: Some(1), ..Default::default() }, false).expect("filter");
        let labels: BTreeSet<&str> = near.nodes.iter().map(|n| n.label.as_str()).collect();
        assert_eq!(labels, BTreeSet::from(["Ethiopia", "Kenya", "Uganda"]));
        let two = net.filter(&Filter { entity: Some("Kenya".into()), hops: Some(2), ..Default::default() }, false).expect("filter");
        assert_eq!(two.nodes.len(), 4);
        let conflict =
            net.filter(&Filter { families: vec![kg_model::Family::MaterialConflict], ..Default::default() }, true).expect("filter");
        assert_eq!(conflict.edges.len(), 1);
        let march = net.filter(&Filter { from: Some("2024-03".into()), ..Default::default() }, true).expect("filter");
        assert!(march.edges.iter().all(|e| e.evidence.iter().all(|x| x.date.as_deref() >= Some("2024-03"))));
        assert_eq!(march.edges.len(), 2);
        let top = net.filter(&Filter { top: Some(1), ..Default::default() }, false).expect("filter");
        assert_eq!(top.nodes.iter().map(|n| n.label.as_str()).collect::<Vec<_>>(), vec!["Kenya"]);
        assert!(net.filter(&Filter { entity: Some("Atlantis".into()), ..Default::default() }, false).is_err());
    }
}
