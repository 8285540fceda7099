//! Network analytics with petgraph: degree, PageRank, betweenness, connected
//! components, communities (label propagation), shortest paths with the evidence for
//! every hop, and dyadic cooperation and conflict per month (Goldstein sums, the way
//! event-data analysts read GDELT).

use std::collections::{BTreeMap, HashMap, VecDeque};

use petgraph::graph::{DiGraph, NodeIndex, UnGraph};
use petgraph::visit::EdgeRef;
use petgraph::Direction;

use crate::network::{breadth_first, Edge, Hop, Network};

/// The directed multigraph of the network: node weights are node indices, edge weights
/// edge indices.
pub fn directed(net: &Network) -> DiGraph<usize, usize> {
    let mut g = DiGraph::with_capacity(net.nodes.len(), net.edges.len());
    for k in 0..net.nodes.len() {
        g.add_node(k);
    }
    for (k, e) in net.edges.iter().enumerate() {
        g.add_edge(NodeIndex::new(e.source), NodeIndex::new(e.target), k);
    }
    g
}

/// The undirected simple graph of the network (parallel relations collapsed).
pub fn undirected(net: &Network) -> UnGraph<usize, usize> {
    let mut g = UnGraph::with_capacity(net.nodes.len(), net.edges.len());
    for k in 0..net.nodes.len() {
        g.add_node(k);
    }
    let mut seen = std::collections::HashSet::new();
    for (k, e) in net.edges.iter().enumerate() {
        let (a, b) = (e.source.min(e.target), e.source.max(e.target));
        if a != b && seen.insert((a, b)) {
            g.add_edge(NodeIndex::new(a), NodeIndex::new(b), k);
        }
    }
    g
}

/// In-degree and out-degree of every node (relations, counted once each).
pub fn degrees(net: &Network) -> Vec<(usize, usize)> {
    let g = directed(net);
    g.node_indices().map(|n| (g.edges_directed(n, Direction::Incoming).count(), g.edges_directed(n, Direction::Outgoing).count())).collect()
}

/// PageRank as networkx computes it on the same directed multigraph (parallel edges add
/// up as weights, dangling nodes spread their rank evenly), damping 0.85, iterated until
/// the L1 change is below `1e-12 · N`.
pub fn pagerank(net: &Network) -> Vec<f64> {
    let n = net.nodes.len();
    if n == 0 {
        return Vec::new();
    }
    let g = directed(net);
    let alpha = 0.85;
    let out_weight: Vec<f64> = g.node_indices().map(|v| g.edges_directed(v, Direction::Outgoing).count() as f64).collect();
    let mut x = vec![1.0 / n as f64; n];
    for _ in 0..1000 {
        let dangling: f64 = (0..n).filter(|&v| out_weight[v] == 0.0).map(|v| x[v]).sum::<f64>() * alpha;
        let mut next = vec![dangling / n as f64 + (1.0 - alpha) / n as f64; n];
        for e in g.edge_references() {
            let (s, t) = (e.source().index(), e.target().index());
            next[t] += alpha * x[s] / out_weight[s];
        }
        let err: f64 = next.iter().zip(&x).map(|(a, b)| (a - b).abs()).sum();
        x = next;
        if err < n as f64 * 1e-12 {
            break;
        }
    }
    x
}

/// Betweenness centrality on the undirected simple graph (Brandes), normalised like
/// networkx: divided by (n − 1)(n − 2)/2.
pub fn betweenness(net: &Network) -> Vec<f64> {
    let g = undirected(net);
    let n = g.node_count();
    let mut cb = vec![0.0; n];
    for s in g.node_indices() {
        let mut stack = Vec::new();
        let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut sigma = vec![0.0; n];
        let mut dist = vec![-1i64; n];
        sigma[s.index()] = 1.0;
        dist[s.index()] = 0;
        let mut queue = VecDeque::from([s.index()]);
        while let Some(v) = queue.pop_front() {
            stack.push(v);
            for w in g.neighbors(NodeIndex::new(v)).map(|w| w.index()) {
                if dist[w] < 0 {
                    dist[w] = dist[v] + 1;
                    queue.push_back(w);
                }
                if dist[w] == dist[v] + 1 {
                    sigma[w] += sigma[v];
                    preds[w].push(v);
                }
            }
        }
        let mut delta = vec![0.0; n];
        while let Some(w) = stack.pop() {
            for &v in &preds[w] {
                delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
            }
            if w != s.index() {
                cb[w] += delta[w];
            }
        }
    }
    // Each pair was counted from both ends.
    let scale = if n > 2 { 1.0 / ((n - 1) * (n - 2)) as f64 } else { 0.0 };
    cb.iter().map(|c| c * scale).collect()
}

/// Connected component of every node (ignoring direction), numbered by size, largest first.
pub fn components(net: &Network) -> Vec<usize> {
    let g = undirected(net);
    let mut uf = petgraph::unionfind::UnionFind::new(g.node_count());
    for e in g.edge_references() {
        uf.union(e.source().index(), e.target().index());
    }
    renumber_by_size(&uf.into_labeling())
}

/// Communities by label propagation on the undirected graph, weighted by the number of
/// relations between two entities; deterministic (nodes in order, ties to the smallest label).
pub fn communities(net: &Network) -> Vec<usize> {
    let n = net.nodes.len();
    let mut weights: Vec<HashMap<usize, f64>> = vec![HashMap::new(); n];
    for e in &net.edges {
        if e.source != e.target {
            *weights[e.source].entry(e.target).or_default() += 1.0;
            *weights[e.target].entry(e.source).or_default() += 1.0;
        }
    }
    let mut label: Vec<usize> = (0..n).collect();
    for _ in 0..100 {
        let mut changed = false;
        for v in 0..n {
            if weights[v].is_empty() {
                continue;
            }
            let mut score: BTreeMap<usize, f64> = BTreeMap::new();
            for (&u, &w) in &weights[v] {
                *score.entry(label[u]).or_default() += w;
            }
            let best = score.iter().fold((label[v], f64::MIN), |acc, (&l, &s)| if s > acc.1 + 1e-12 { (l, s) } else { acc });
            let current = score.get(&label[v]).copied().unwrap_or(0.0);
            if best.0 != label[v] && best.1 > current + 1e-12 {
                label[v] = best.0;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    renumber_by_size(&label)
}

fn renumber_by_size(labels: &[usize]) -> Vec<usize> {
    let mut size: HashMap<usize, usize> = HashMap::new();
    for l in labels {
        *size.entry(*l).or_default() += 1;
    }
    let mut order: Vec<usize> = size.keys().copied().collect();
    order.sort_by(|a, b| size[b].cmp(&size[a]).then(a.cmp(b)));
    let rank: HashMap<usize, usize> = order.iter().enumerate().map(|(i, l)| (*l, i)).collect();
    labels.iter().map(|l| rank[l]).collect()
}

/// The shortest path between two nodes, ignoring direction, with every relation of
/// every hop (their evidence is in the network's edges).
pub fn shortest_path(net: &Network, from: usize, to: usize) -> Option<Vec<Hop>> {
    let adj = net.adjacency();
    let reached = breadth_first(&adj, from, usize::MAX);
    reached.get(to).copied().flatten()?;
    let prev = |v: usize| reached[v].map_or(v, |(_, p)| p);
    let mut nodes = vec![to];
    while *nodes.last()? != from {
        nodes.push(prev(*nodes.last()?));
    }
    nodes.reverse();
    Some(
        nodes
            .windows(2)
            .map(|w| Hop { from: w[0], to: w[1], edges: adj[w[0]].iter().filter(|(u, _)| *u == w[1]).map(|(_, k)| *k).collect() })
            .collect(),
    )
}

/// Cooperation and conflict between an ordered pair of actors in one month.
#[derive(Debug, Clone, PartialEq)]
pub struct Dyad {
    /// Acting node.
    pub source: usize,
    /// Node acted upon.
    pub target: usize,
    /// `YYYY-MM`, or `unknown` when neither the event nor its document is dated.
    pub month: String,
    /// Number of events.
    pub events: usize,
    /// Sum of their Goldstein weights.
    pub goldstein_sum: f64,
    /// Events with a positive weight.
    pub cooperation: usize,
    /// Events with a negative weight.
    pub conflict: usize,
}

/// Dyadic event counts and Goldstein sums per ordered pair and month, over every
/// statement that carries a Goldstein weight (symmetric events count for both directions).
pub fn dyads(net: &Network) -> Vec<Dyad> {
    let mut acc: BTreeMap<(usize, usize, String), Dyad> = BTreeMap::new();
    let mut add = |e: &Edge, s: usize, t: usize| {
        for ev in &e.evidence {
            let Some(g) = ev.goldstein else { continue };
            let month = ev.date.as_deref().and_then(|d| d.get(..7)).filter(|m| m.len() == 7).unwrap_or("unknown").to_string();
            let d = acc.entry((s, t, month.clone())).or_insert(Dyad {
                source: s,
                target: t,
                month,
                events: 0,
                goldstein_sum: 0.0,
                cooperation: 0,
                conflict: 0,
            });
            d.events += 1;
            d.goldstein_sum += g;
            d.cooperation += usize::from(g > 0.0);
            d.conflict += usize::from(g < 0.0);
        }
    };
    for e in &net.edges {
        add(e, e.source, e.target);
        if e.predicate.is_symmetric() {
            add(e, e.target, e.source);
        }
    }
    acc.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::{Evidence, Node};

    use kg_model::Predicate::{self, Attacked, Criticized, MetWith};

    fn net(edges: &[(usize, usize, Predicate)], n: usize) -> Network {
        Network {
            nodes: (0..n).map(|k| Node { iri: format!("n{k}"), label: format!("N{k}"), entity_type: None, documents: 1 }).collect(),
            edges: edges
                .iter()
                .map(|(s, t, p)| Edge {
                    source: *s,
                    target: *t,
                    predicate: *p,
                    evidence: vec![Evidence {
                        statement: "st".into(),
                        document: "d".into(),
                        sentence: "S.".into(),
                        date: Some("2024-07-24".into()),
                        confidence: 0.8,
                        goldstein: p.is_event().then_some(if *p == Attacked { -10.0 } else { 1.0 }),
                    }],
                })
                .collect(),
        }
    }

    #[test]
    fn pagerank_sums_to_one_and_favours_the_cited() {
        let n = net(&[(0, 1, Criticized), (2, 1, Criticized), (1, 3, MetWith)], 4);
        let pr = pagerank(&n);
        assert!((pr.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        assert!(pr[1] > pr[0] && pr[3] > pr[2]);
    }

    #[test]
    fn betweenness_of_a_path_centre() {
        let n = net(&[(0, 1, MetWith), (1, 2, MetWith)], 3);
        assert_eq!(betweenness(&n), vec![0.0, 1.0, 0.0]);
    }

    #[test]
    fn components_communities_paths_and_dyads() {
        let n = net(&[(0, 1, MetWith), (1, 2, Attacked), (3, 4, MetWith)], 6);
        assert_eq!(components(&n), vec![0, 0, 0, 1, 1, 2]);
        let c = communities(&n);
        assert_eq!(c[3], c[4]);
        assert_ne!(c[0], c[3]);
        let path = shortest_path(&n, 0, 2).expect("path");
        assert_eq!(path.iter().map(|h| (h.from, h.to)).collect::<Vec<_>>(), vec![(0, 1), (1, 2)]);
        assert!(shortest_path(&n, 0, 3).is_none());
        let d = dyads(&n);
        let attack = d.iter().find(|d| d.source == 1 && d.target == 2).expect("dyad");
        assert_eq!((attack.month.as_str(), attack.events, attack.goldstein_sum, attack.conflict), ("2024-07", 1, -10.0, 1));
        assert!(d.iter().any(|d| d.source == 1 && d.target == 0), "symmetric events count both ways");
    }
}
