//! Scoring a graph built from many documents against a gold file, exactly as the
//! reference scorer `score_graph.py` does: are the nodes each document mentions real
//! entities (node precision and recall), and does each node stand for one real-world
//! entity across documents (B-cubed merging precision and recall, false merges, splits)?

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

use serde_json::{json, Value};

use crate::scoring::normalise;

/// Entity types the scorers ignore.
const IGNORED_TYPES: [&str; 2] = ["Date", "Other"];

/// One row of the nodes table: a node that a document mentions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeRow {
    /// The document id (as in the gold file).
    pub document: String,
    /// The graph's identifier of the node (an IRI).
    pub node: String,
    /// The node's label.
    pub label: String,
    /// Its other names.
    pub aliases: Vec<String>,
}

/// A gold entity: (document, index among the document's scored entities).
type Item = (String, usize);

struct GoldEntity {
    name: String,
    entity_type: String,
    /// Normalised name and aliases.
    keys: BTreeSet<String>,
    aliases: Vec<String>,
}

/// The figures and the errors of one graph.
#[derive(Debug, Clone, Default)]
pub struct GraphScores {
    /// Gold documents.
    pub documents: usize,
    /// Gold documents with at least one node.
    pub in_graph: usize,
    /// Nodes listed for gold documents.
    pub listed: usize,
    /// Nodes that match a gold entity of their document.
    pub matched: usize,
    /// Gold entities.
    pub gold: usize,
    /// B-cubed precision over the matched items.
    pub bcubed_precision: f64,
    /// B-cubed recall over the matched items.
    pub bcubed_recall: f64,
    /// Matched items.
    pub items: usize,
    /// Nodes that join different real-world entities, with the gold names they join.
    pub false_merges: Vec<(String, Vec<String>)>,
    /// Real-world entities spread over several nodes: a gold name and the nodes.
    pub splits: Vec<(String, Vec<String>)>,
    /// Nodes that match no gold entity: (document, label, a duplicate of a matched one).
    pub unmatched: Vec<(String, String, bool)>,
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b > 0 {
        a as f64 / b as f64
    } else {
        0.0
    }
}

impl GraphScores {
    /// Node precision, recall and F1.
    pub fn nodes(&self) -> (f64, f64, f64) {
        let (p, r) = (ratio(self.matched, self.listed), ratio(self.matched, self.gold));
        (p, r, f1(p, r))
    }

    /// B-cubed F1 of the merging.
    pub fn bcubed_f1(&self) -> f64 {
        f1(self.bcubed_precision, self.bcubed_recall)
    }

    /// The summary as `score_graph.py --json` prints it.
    pub fn summary(&self) -> Value {
        let (p, r, f) = self.nodes();
        json!({
            "nodes": {"precision": p, "recall": r, "f1": f, "listed": self.listed, "matched": self.matched, "gold": self.gold},
            "merging": {
                "bcubed_precision": self.bcubed_precision,
                "bcubed_recall": self.bcubed_recall,
                "items": self.items,
                "false_merges": self.false_merges.len(),
                "splits": self.splits.len(),
                "bcubed_f1": self.bcubed_f1(),
            }
        })
    }

    /// The report as `score_graph.py` prints it, with its error lists when `errors`.
    pub fn report(&self, errors: bool) -> String {
        let (p, r, f) = self.nodes();
        let mut out = String::new();
        let _ = writeln!(out, "documents: {}  (in the graph: {})", self.documents, self.in_graph);
        let _ = writeln!(
            out,
            "nodes     P {p:.3}  R {r:.3}  F1 {f:.3}  (matched {}, listed {}, gold {})",
            self.matched, self.listed, self.gold
        );
        let _ = writeln!(
            out,
            "merging   B3 P {:.3}  R {:.3}  F1 {:.3}  (items {}; false merges {}, splits {})",
            self.bcubed_precision,
            self.bcubed_recall,
            self.bcubed_f1(),
            self.items,
            self.false_merges.len(),
            self.splits.len()
        );
        if errors {
            for (node, names) in &self.false_merges {
                let _ = writeln!(out, "false merge: {node} joins {}", python_list(names));
            }
            for (name, nodes) in &self.splits {
                let _ = writeln!(out, "split: {} over {}", python_repr(name), python_list(nodes));
            }
            for (doc, label, duplicate) in &self.unmatched {
                let shown = if *duplicate { format!("{label} (duplicate)") } else { label.clone() };
                let _ = writeln!(out, "[{doc}] node not in gold: {}", python_repr(&shown));
            }
        }
        out
    }
}

/// A string as Python's `repr` writes it (the reference scorer prints names that way).
fn python_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

fn python_list(items: &[String]) -> String {
    format!("[{}]", items.iter().map(|s| python_repr(s)).collect::<Vec<_>>().join(", "))
}

fn load_gold(gold: &Value) -> BTreeMap<String, Vec<GoldEntity>> {
    let mut docs = BTreeMap::new();
    for d in gold.get("documents").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default() {
        let Some(id) = d.get("id").and_then(Value::as_str) else { continue };
        let entities = d
            .get("entities")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .filter(|e| !IGNORED_TYPES.contains(&e.get("type").and_then(Value::as_str).unwrap_or("")))
            .map(|e| {
                let name = e.get("name").and_then(Value::as_str).unwrap_or("").to_string();
                let aliases: Vec<String> = e
                    .get("aliases")
                    .and_then(Value::as_array)
                    .map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect())
                    .unwrap_or_default();
                let keys = std::iter::once(&name).chain(&aliases).map(|n| normalise(n)).collect();
                let entity_type = e.get("type").and_then(Value::as_str).unwrap_or("").to_string();
                GoldEntity { name, entity_type, keys, aliases }
            })
            .collect();
        docs.insert(id.to_string(), entities);
    }
    docs
}

/// Every gold entity's real-world identity: equal normalised names, or a name equal to a
/// multi-word alias of an entity of the same type.
fn gold_identities(docs: &BTreeMap<String, Vec<GoldEntity>>) -> HashMap<Item, usize> {
    let items: Vec<Item> = docs.iter().flat_map(|(d, es)| (0..es.len()).map(move |i| (d.clone(), i))).collect();
    let index: HashMap<&Item, usize> = items.iter().enumerate().map(|(k, it)| (it, k)).collect();
    let mut parent: Vec<usize> = (0..items.len()).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let mut union = |a: usize, b: usize| {
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra != rb {
            parent[rb] = ra;
        }
    };
    let entity = |it: &Item| &docs[&it.0][it.1];
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_alias: HashMap<String, Vec<usize>> = HashMap::new();
    for (k, it) in items.iter().enumerate() {
        let e = entity(it);
        by_name.entry(normalise(&e.name)).or_default().push(k);
        for a in e.aliases.iter().filter(|a| a.split_whitespace().count() >= 2) {
            by_alias.entry(normalise(a)).or_default().push(k);
        }
    }
    for named in by_name.values() {
        for &k in &named[1..] {
            union(named[0], k);
        }
    }
    for (key, named) in &by_name {
        for &aliased in by_alias.get(key).map(Vec::as_slice).unwrap_or_default() {
            for &other in named {
                if entity(&items[other]).entity_type == entity(&items[aliased]).entity_type {
                    union(other, aliased);
                }
            }
        }
    }
    items.iter().map(|it| (it.clone(), find(&mut parent, index[it]))).collect()
}

/// Scores the nodes that each document of the graph mentions against a gold file.
/// Rows of documents the gold file lacks are ignored.
pub fn score_graph(gold: &Value, rows: &[NodeRow]) -> GraphScores {
    let docs = load_gold(gold);
    let ident = gold_identities(&docs);
    let mut scores = GraphScores { documents: docs.len(), gold: docs.values().map(Vec::len).sum(), ..Default::default() };
    let mut in_graph = BTreeSet::new();
    let mut taken: HashMap<&str, BTreeSet<usize>> = HashMap::new();
    let mut node_items: BTreeMap<&str, BTreeSet<Item>> = BTreeMap::new();
    for r in rows {
        let Some(entities) = docs.get(&r.document) else { continue };
        in_graph.insert(r.document.as_str());
        scores.listed += 1;
        let keys = std::iter::once(normalise(&r.label)).chain(r.aliases.iter().filter(|a| !a.trim().is_empty()).map(|a| normalise(a)));
        let found = keys.filter(|k| !k.is_empty()).find_map(|k| entities.iter().position(|e| e.keys.contains(&k)));
        let Some(gi) = found else {
            scores.unmatched.push((r.document.clone(), r.label.clone(), false));
            continue;
        };
        if !taken.entry(r.document.as_str()).or_default().insert(gi) {
            scores.unmatched.push((r.document.clone(), r.label.clone(), true));
            continue;
        }
        scores.matched += 1;
        node_items.entry(r.node.as_str()).or_default().insert((r.document.clone(), gi));
    }
    scores.in_graph = in_graph.len();
    // In item order, so that the sums (and their last digits) are the same on every run.
    let item_node: BTreeMap<&Item, &str> = node_items.iter().flat_map(|(n, its)| its.iter().map(move |it| (it, *n))).collect();
    let mut gold_cluster: BTreeMap<usize, BTreeSet<&Item>> = BTreeMap::new();
    for it in item_node.keys() {
        gold_cluster.entry(ident[*it]).or_default().insert(it);
    }
    let (mut bp, mut br) = (0.0, 0.0);
    for (it, node) in &item_node {
        let predicted = &node_items[node];
        let both = predicted.iter().filter(|x| ident[*x] == ident[*it]).count() as f64;
        bp += both / predicted.len() as f64;
        br += both / gold_cluster[&ident[*it]].len() as f64;
    }
    scores.items = item_node.len();
    if scores.items > 0 {
        scores.bcubed_precision = bp / scores.items as f64;
        scores.bcubed_recall = br / scores.items as f64;
    }
    let name_of = |it: &Item| docs[&it.0][it.1].name.clone();
    for (node, its) in &node_items {
        if its.iter().map(|x| ident[x]).collect::<BTreeSet<_>>().len() > 1 {
            let names: BTreeSet<String> = its.iter().map(name_of).collect();
            scores.false_merges.push((node.to_string(), names.into_iter().collect()));
        }
    }
    for its in gold_cluster.values() {
        let nodes: BTreeSet<&str> = its.iter().map(|x| item_node[*x]).collect();
        if nodes.len() > 1 {
            // The name of the cluster's first item (the reference scorer takes any one).
            let first = its.iter().next().map(|x| name_of(x)).unwrap_or_default();
            scores.splits.push((first, nodes.into_iter().map(str::to_string).collect()));
        }
    }
    scores.splits.sort();
    scores
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(doc: &str, node: &str, label: &str, aliases: &[&str]) -> NodeRow {
        NodeRow { document: doc.into(), node: node.into(), label: label.into(), aliases: aliases.iter().map(|a| a.to_string()).collect() }
    }

    fn gold() -> Value {
        json!({"documents": [
            {"id": "a", "entities": [
                {"name": "Jan Kowal", "type": "Person", "aliases": ["Kowal"]},
                {"name": "Manitoba", "type": "Location"}]},
            {"id": "b", "entities": [
                {"name": "Ewa Kowal", "type": "Person"},
                {"name": "Manitoba", "type": "Location"},
                {"name": "Monday", "type": "Date"}]}
        ]})
    }

    #[test]
    fn false_merges_splits_and_junk_are_counted() {
        let rows = [
            row("a", "p:kowal", "Jan Kowal", &["Kowal"]),
            row("a", "c:manitoba", "Manitoba", &[]),
            row("a", "o:globex", "Globex", &[]),
            row("a", "p:kowal-2", "Kowal", &[]),
            row("b", "p:kowal", "Jan Kowal", &["Ewa Kowal"]),
            row("b", "l:manitoba", "Manitoba", &[]),
            row("c", "x", "Elsewhere", &[]),
        ];
        let s = score_graph(&gold(), &rows);
        assert_eq!((s.documents, s.in_graph, s.listed, s.matched, s.gold), (2, 2, 6, 4, 4));
        assert_eq!(s.false_merges, vec![("p:kowal".to_string(), vec!["Ewa Kowal".to_string(), "Jan Kowal".to_string()])]);
        assert_eq!(s.splits, vec![("Manitoba".to_string(), vec!["c:manitoba".to_string(), "l:manitoba".to_string()])]);
        assert_eq!(s.unmatched, vec![("a".to_string(), "Globex".to_string(), false), ("a".to_string(), "Kowal".to_string(), true)]);
        assert!((s.bcubed_precision - 0.75).abs() < 1e-12 && (s.bcubed_recall - 0.75).abs() < 1e-12, "{s:?}");
        let report = s.report(true);
        assert!(report.contains("false merge: p:kowal joins ['Ewa Kowal', 'Jan Kowal']"), "{report}");
        assert!(report.contains("[a] node not in gold: 'Kowal (duplicate)'"), "{report}");
        assert!(report.starts_with("documents: 2  (in the graph: 2)\nnodes     P 0.667  R 1.000  F1 0.800"), "{report}");
    }

    #[test]
    fn names_print_as_python_does() {
        assert_eq!(python_repr("O'Brien"), "\"O'Brien\"");
        assert_eq!(python_repr("a\\b"), "'a\\\\b'");
        assert_eq!(python_repr("it's \"x\""), "'it\\'s \"x\"'");
    }
}
