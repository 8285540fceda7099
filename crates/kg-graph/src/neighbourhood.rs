//! An entity's neighbourhood read straight from the store: a breadth-first search out to
//! the filter's number of hops that reads only the relations of the entities it reaches,
//! instead of loading the whole network and cutting it down. The result is the network
//! `Network::load(kg)?.filter(filter, _)` gives, node for node and edge for edge.

use std::collections::{BTreeSet, HashMap};

use crate::error::{GraphError, Result};
use crate::network::{Filter, Network};
use crate::paths::find_entity;
use crate::store::KnowledgeGraph;
use crate::store_reader::{edges, Reader, Statement};

/// The part of the network within `filter.hops` (default 1) of `filter.entity`, over the
/// relations the filter keeps, then cut to its top N; `None` when the filter names no
/// entity.
pub fn load(kg: &KnowledgeGraph, filter: &Filter) -> Result<Option<Network>> {
    let Some(name) = &filter.entity else { return Ok(None) };
    // The centre may be of any type, as `Network::filter` finds it among all entities.
    let centre =
        find_entity(kg, name, &Filter::default())?.ok_or_else(|| GraphError::Invalid(format!("no entity named {name:?} in the store")))?;
    let mut reader = Reader::new(kg, filter);
    let hops = filter.hops.unwrap_or(1);
    let mut within: BTreeSet<String> = BTreeSet::from([centre.clone()]);
    let mut frontier = vec![centre.clone()];
    for _ in 0..hops {
        let mut next = Vec::new();
        for iri in &frontier {
            for n in reader.neighbours(iri)? {
                if within.insert(n.clone()) {
                    next.push(n);
                }
            }
        }
        frontier = next;
    }
    // Every kept relation between two entities within reach, the outermost ones too
    // (each read from both its ends: once is kept).
    let mut relations: Vec<Statement> = Vec::new();
    let mut seen = BTreeSet::new();
    for iri in &within {
        for s in reader.statements_of(iri)? {
            if within.contains(&s.subject) && within.contains(&s.object) && seen.insert(s.evidence.statement.clone()) {
                relations.push(s.clone());
            }
        }
    }
    // The entities those relations touch, and the centre if the filter keeps its type, in
    // IRI order (so the relations come in the loaded network's order too).
    let mut kept: BTreeSet<String> = relations.iter().flat_map(|s| [s.subject.clone(), s.object.clone()]).collect();
    if reader.usable(&centre)? {
        kept.insert(centre);
    }
    let mut network = Network::default();
    for iri in &kept {
        network.nodes.push(reader.node(iri)?);
    }
    let index: HashMap<&str, usize> = kept.iter().enumerate().map(|(k, iri)| (iri.as_str(), k)).collect();
    network.edges = edges(&relations, |iri| index.get(iri).copied());
    match filter.top {
        Some(n) => Ok(Some(network.filter(&Filter { top: Some(n), ..Filter::default() }, true)?)),
        None => Ok(Some(network)),
    }
}

impl Network {
    /// The part of the store's network the filter keeps, as `load` then `filter` give it:
    /// around the filter's entity, only the neighbourhood is read from the store (the
    /// whole network takes tens of seconds to load from ten million quads).
    pub fn load_filtered(kg: &KnowledgeGraph, filter: &Filter, keep_isolated: bool) -> Result<Network> {
        match load(kg, filter)? {
            Some(net) => Ok(net),
            None => Network::load(kg)?.filter(filter, keep_isolated),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kg_model::EntityType;

    #[test]
    fn neighbourhoods_equal_the_loaded_network_cut_down() {
        let texts = [
            "Kenya criticized Uganda over the border dispute. Kenyan President William Ruto met Ugandan President Yoweri Museveni.",
            "Uganda signed a trade agreement with Tanzania. Tanzania praised Rwanda for its help.",
            "Rwanda accused Burundi of shelling the border. Burundi rejected the claim and criticized Rwanda.",
            "Kenya and Uganda agreed to cooperate. Ruto thanked Museveni.",
        ];
        let kg = crate::test_stores::dated_store(&texts);
        let whole = Network::load(&kg).expect("network");
        let around = |entity: &str| Filter { entity: Some(entity.into()), ..Filter::default() };
        let filters = [
            around("Uganda"),
            Filter { hops: Some(2), ..around("Kenya") },
            Filter { hops: Some(3), ..around("kenya") },
            Filter { hops: Some(2), types: vec![EntityType::Country], ..around("Uganda") },
            Filter { hops: Some(2), types: vec![EntityType::Person], ..around("Yoweri Museveni") },
            Filter { hops: Some(4), families: vec![kg_model::Family::VerbalConflict], ..around("Rwanda") },
            Filter { hops: Some(4), from: Some("2024-05-02".into()), ..around("Tanzania") },
            Filter { hops: Some(4), top: Some(3), ..around("Kenya") },
        ];
        for f in &filters {
            let read = load(&kg, f).expect("load").expect("a neighbourhood");
            assert!(!read.edges.is_empty(), "{f:?}");
            for keep_isolated in [true, false] {
                assert_eq!(read, whole.filter(f, keep_isolated).expect("filter"), "{f:?}");
            }
        }
        // A centre of a type the filter drops: nothing, in both.
        let persons_around_uganda = Filter { types: vec![EntityType::Person], ..around("Uganda") };
        assert_eq!(load(&kg, &persons_around_uganda).expect("load"), Some(Network::default()));
        assert_eq!(whole.filter(&persons_around_uganda, true).expect("filter"), Network::default());
        assert!(load(&kg, &Filter::default()).expect("load").is_none());
        assert!(matches!(load(&kg, &around("Atlantis")), Err(GraphError::Invalid(m)) if m.contains("Atlantis")));
    }
}
