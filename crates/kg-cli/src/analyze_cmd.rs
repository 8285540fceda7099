//! `kg analyze`: network analytics over the store (or a filtered part of it).

use std::io::Write;

use anyhow::{Context, Result};
use kg_graph::analytics;
use kg_graph::network::{Filter, Network};
use kg_graph::paths;
use kg_graph::KnowledgeGraph;
use serde_json::{json, Value};

use crate::table_out::{write_table, Table};

use crate::cli::{AnalyzeArgs, Metric};

/// Runs `kg analyze`.
pub fn run(args: AnalyzeArgs) -> Result<()> {
    let kg = crate::store_arg::open_existing(&args.store)?;
    let filter = args.filter.filter()?;
    if matches!(args.metric, Metric::Path) {
        // Before the network is loaded: the path is searched in the store.
        return print(path(&kg, &args, &filter)?, &args);
    }
    let net = Network::load_filtered(&kg, &filter, true)?;
    let node = |k: usize| vec![json!(net.nodes[k].label), json!(net.nodes[k].entity_type.map(|t| t.as_str())), json!(net.nodes[k].iri)];
    let table = match args.metric {
        Metric::Degree => {
            let mut rows: Vec<Vec<Value>> = analytics::degrees(&net)
                .iter()
                .enumerate()
                .map(|(k, (i, o))| [node(k), vec![json!(i + o), json!(i), json!(o)]].concat())
                .collect();
            rows.sort_by(|a, b| b[3].as_u64().cmp(&a[3].as_u64()).then(a[0].as_str().cmp(&b[0].as_str())));
            Table { columns: vec!["label", "type", "iri", "degree", "in", "out"], rows }
        }
        Metric::Pagerank => scored(&net, &analytics::pagerank(&net), "pagerank", &node),
        Metric::Betweenness => scored(&net, &analytics::betweenness(&net), "betweenness", &node),
        Metric::Components | Metric::Communities => {
            let groups = if matches!(args.metric, Metric::Components) { analytics::components(&net) } else { analytics::communities(&net) };
            let mut rows: Vec<Vec<Value>> = groups.iter().enumerate().map(|(k, g)| [vec![json!(g)], node(k)].concat()).collect();
            rows.sort_by(|a, b| a[0].as_u64().cmp(&b[0].as_u64()).then(a[1].as_str().cmp(&b[1].as_str())));
            let name = if matches!(args.metric, Metric::Components) { "component" } else { "community" };
            Table { columns: vec![name, "label", "type", "iri"], rows }
        }
        Metric::Path => path(&kg, &args, &filter)?,
        Metric::Dyads => {
            let mut rows: Vec<Vec<Value>> = analytics::dyads(&net)
                .iter()
                .map(|d| {
                    vec![
                        json!(net.nodes[d.source].label),
                        json!(net.nodes[d.target].label),
                        json!(d.month),
                        json!(d.events),
                        json!((d.goldstein_sum * 100.0).round() / 100.0),
                        json!(d.cooperation),
                        json!(d.conflict),
                    ]
                })
                .collect();
            rows.sort_by(|a, b| {
                a[2].as_str().cmp(&b[2].as_str()).then(a[0].as_str().cmp(&b[0].as_str())).then(a[1].as_str().cmp(&b[1].as_str()))
            });
            Table { columns: vec!["source", "target", "month", "events", "goldstein_sum", "cooperation", "conflict"], rows }
        }
    };
    print(table, &args)
}

/// Prints the table, cut to `--limit` rows.
fn print(mut table: Table, args: &AnalyzeArgs) -> Result<()> {
    if let Some(n) = args.limit {
        table.rows.truncate(n);
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    write_table(&table, args.format, &mut out)?;
    out.flush()?;
    Ok(())
}

/// The shortest path between `--from-entity` and `--to-entity`, every relation of every
/// hop with its evidence. Searched in the store itself (reading only the entities it
/// reaches); with a neighbourhood or top-N filter, in the loaded network.
fn path(kg: &KnowledgeGraph, args: &AnalyzeArgs, filter: &Filter) -> Result<Table> {
    let (Some(a), Some(b)) = (&args.from_entity, &args.to_entity) else {
        anyhow::bail!("path needs --from-entity and --to-entity");
    };
    let unknown = |name: &str| format!("no entity named {name:?} in {}", args.store.display());
    let not_connected = || format!("{a} and {b} are not connected");
    let (net, hops) = if paths::supports(filter) {
        let from = paths::find_entity(kg, a, filter)?.with_context(|| unknown(a))?;
        let to = paths::find_entity(kg, b, filter)?.with_context(|| unknown(b))?;
        let found = paths::shortest_path(kg, &from, &to, filter)?.with_context(not_connected)?;
        (found.network, found.hops)
    } else {
        let net = Network::load_filtered(kg, filter, true)?;
        let (from, to) = (net.find(a).with_context(|| unknown(a))?, net.find(b).with_context(|| unknown(b))?);
        let hops = analytics::shortest_path(&net, from, to).with_context(not_connected)?;
        (net, hops)
    };
    let mut rows = Vec::new();
    for (n, hop) in hops.iter().enumerate() {
        for &k in &hop.edges {
            let e = &net.edges[k];
            for ev in &e.evidence {
                rows.push(vec![
                    json!(n + 1),
                    json!(net.nodes[e.source].label),
                    json!(e.predicate),
                    json!(net.nodes[e.target].label),
                    json!(ev.document),
                    json!(ev.date),
                    json!(ev.sentence),
                ]);
            }
        }
    }
    Ok(Table { columns: vec!["hop", "subject", "predicate", "object", "document", "date", "sentence"], rows })
}

fn scored(net: &Network, scores: &[f64], name: &'static str, node: &dyn Fn(usize) -> Vec<Value>) -> Table {
    let mut order: Vec<usize> = (0..net.nodes.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(net.nodes[a].label.cmp(&net.nodes[b].label)));
    Table {
        columns: vec!["label", "type", "iri", name],
        rows: order.into_iter().map(|k| [node(k), vec![json!(scores[k])]].concat()).collect(),
    }
}
