//! Shortest paths read straight from the store: a breadth-first search from both ends
//! that reads only the relations of the entities it reaches, through the store's
//! indexes, instead of loading the whole network first (which takes tens of seconds on
//! a store of ten million quads). The filters that need the whole network (a
//! neighbourhood, the top N by degree) are not supported here; `kg analyze` loads the
//! network for those.

use std::collections::{BTreeSet, HashMap};

use oxigraph::model::{NamedOrBlankNode, Term};

use crate::error::Result;
use crate::network::{Filter, Hop, Network};
use crate::store::KnowledgeGraph;
use crate::store_reader::{edges, Reader};
use crate::vocab::rdfs;

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

/// The entity a name stands for in the store: its IRI, or a label (case-insensitive),
/// the entity mentioned in most documents when several share it; only entities the
/// filter's types keep. `None` when there is none.
pub fn find_entity(kg: &KnowledgeGraph, name: &str, filter: &Filter) -> Result<Option<String>> {
    let mut reader = Reader::new(kg, filter);
    if reader.usable(name)? {
        return Ok(Some(name.to_string()));
    }
    let label = rdfs::LABEL.into_owned();
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
        // The last of equals, as `Network::find` chooses.
        if best.as_ref().is_none_or(|(d, _)| documents >= *d) {
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
        let between = reader.statements_of(&pair[0])?.iter().filter(|s| s.subject == pair[1] || s.object == pair[1]);
        let first = network.edges.len();
        network.edges.extend(edges(between, |iri| index.get(iri).copied()));
        hops.push(Hop { from: k, to: k + 1, edges: (first..network.edges.len()).collect() });
    }
    Ok(Some(StorePath { network, hops }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics;

    fn store(texts: &[&str]) -> KnowledgeGraph {
        crate::test_stores::dated_store(texts)
    }

    /// One hop's edge as (subject, predicate, object, documents) labels.
    type DescribedEdge = (String, String, String, Vec<String>);

    /// The hops as labels, for comparing searches.
    fn described(net: &Network, hops: &[Hop]) -> Vec<Vec<DescribedEdge>> {
        hops.iter()
            .map(|h| {
                h.edges
                    .iter()
                    .map(|&k| {
                        let e = &net.edges[k];
                        let docs = e.evidence.iter().map(|x| x.document.clone()).collect();
                        (net.nodes[e.source].label.clone(), e.predicate.name().to_string(), net.nodes[e.target].label.clone(), docs)
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
        let nowhere = format!("{}country/atlantis", crate::vocab::ENTITY);
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
        let conflict = Filter { families: vec![kg_model::Family::VerbalConflict, kg_model::Family::MaterialConflict], ..Filter::default() };
        assert!(shortest_path(&kg, &kenya, &burundi, &conflict).expect("search").is_none(), "the trade agreement is no conflict");
        let net = Network::load(&kg).unwrap().filter(&conflict, true).unwrap();
        assert!(net.find("Kenya").zip(net.find("Burundi")).and_then(|(a, b)| analytics::shortest_path(&net, a, b)).is_none());
        assert!(supports(&conflict) && !supports(&Filter { top: Some(3), ..Filter::default() }));
    }
}
