//! `kg push`: upload the store's document graphs to any SPARQL 1.1 server, through the
//! Graph Store Protocol (PUT per named graph) or SPARQL Update in batches. Idempotent
//! (PUT and DROP+INSERT replace a graph) and resumable (a graph the server already holds
//! in the same version — same content hash and triple count — is skipped). Every graph
//! is verified by counting its triples on the server.

use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use kg_graph::vocab::{DOC, ONTOLOGY_GRAPH};
use kg_graph::KnowledgeGraph;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphNameRef, NamedNode, NamedOrBlankNode, Term};
use serde_json::Value;

use crate::cli::PushArgs;

/// A SPARQL 1.1 server.
struct Remote {
    agent: ureq::Agent,
    endpoint: String,
    graph_store: Option<String>,
    auth: Option<String>,
}

impl Remote {
    fn new(args: &PushArgs) -> Result<Remote> {
        let auth = match (&args.user, args.token) {
            (Some(_), true) => bail!("give --user or --token, not both"),
            (Some(user), false) => {
                let password = std::env::var("KG_PUSH_PASSWORD").context("--user needs the password in KG_PUSH_PASSWORD")?;
                Some(format!("Basic {}", base64(format!("{user}:{password}").as_bytes())))
            }
            (None, true) => Some(format!("Bearer {}", std::env::var("KG_PUSH_TOKEN").context("--token needs the token in KG_PUSH_TOKEN")?)),
            (None, false) => None,
        };
        let agent = ureq::Agent::config_builder().http_status_as_error(false).timeout_global(Some(Duration::from_secs(300))).build().into();
        Ok(Remote { agent, endpoint: args.endpoint.clone(), graph_store: args.graph_store.clone(), auth })
    }

    fn authorized<B>(&self, req: ureq::RequestBuilder<B>) -> ureq::RequestBuilder<B> {
        match &self.auth {
            Some(a) => req.header("Authorization", a),
            None => req,
        }
    }

    fn select(&self, query: &str) -> Result<Value> {
        let req = self.authorized(self.agent.post(&self.endpoint).header("Accept", "application/sparql-results+json"));
        let mut resp = req.send_form([("query", query)]).with_context(|| format!("{}: query", self.endpoint))?;
        let status = resp.status().as_u16();
        let body = resp.body_mut().read_to_string().context("reading the server's answer")?;
        if status != 200 {
            bail!("{}: query answered {status}: {}", self.endpoint, body.trim());
        }
        serde_json::from_str(&body).with_context(|| format!("{}: not SPARQL JSON results", self.endpoint))
    }

    fn update(&self, update: &str) -> Result<()> {
        let req = self.authorized(self.agent.post(&self.endpoint));
        let mut resp = req.send_form([("update", update)]).with_context(|| format!("{}: update", self.endpoint))?;
        let status = resp.status().as_u16();
        if !(200..300).contains(&status) {
            let body = resp.body_mut().read_to_string().unwrap_or_default();
            bail!("{}: update answered {status}: {}", self.endpoint, body.trim().chars().take(300).collect::<String>());
        }
        Ok(())
    }

    /// PUT a graph through the Graph Store Protocol. Ok(false) when the server has no such protocol.
    fn put(&self, url: &str, graph: &str, ntriples: &[u8]) -> Result<bool> {
        let req = self.authorized(self.agent.put(url).query("graph", graph).header("Content-Type", "application/n-triples"));
        let mut resp = req.send(ntriples).with_context(|| format!("{url}: PUT"))?;
        match resp.status().as_u16() {
            200..=299 => Ok(true),
            404 | 405 | 501 => Ok(false),
            status => {
                let body = resp.body_mut().read_to_string().unwrap_or_default();
                bail!("{url}: PUT answered {status}: {}", body.trim().chars().take(300).collect::<String>())
            }
        }
    }

    fn triples_in(&self, graph: &str) -> Result<u64> {
        let v = self.select(&format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"))?;
        let n = v["results"]["bindings"][0]["n"]["value"].as_str().unwrap_or("0");
        n.parse().with_context(|| format!("{}: count {n:?}", self.endpoint))
    }

    fn content_hash(&self, graph: &str) -> Result<Option<String>> {
        let v = self
            .select(&format!("SELECT ?h WHERE {{ GRAPH <{graph}> {{ <{graph}> <https://w3id.org/newskg/ontology#contentHash> ?h }} }}"))?;
        Ok(v["results"]["bindings"][0]["h"]["value"].as_str().map(str::to_string))
    }
}

fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in data.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * k) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// One local graph, as N-Triples lines.
fn graph_lines(kg: &KnowledgeGraph, graph: &NamedNode) -> Result<Vec<String>> {
    let mut lines = Vec::new();
    for q in kg.store().quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph.as_ref()))) {
        let q = q?;
        let mut w = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(Vec::new());
        w.serialize_triple(q.as_ref())?;
        lines.push(String::from_utf8(w.finish()?)?.trim_end().to_string());
    }
    Ok(lines)
}

fn local_hash(kg: &KnowledgeGraph, graph: &NamedNode) -> Option<String> {
    let p = NamedNode::new_unchecked("https://w3id.org/newskg/ontology#contentHash");
    kg.store()
        .quads_for_pattern(Some(graph.as_ref().into()), Some(p.as_ref()), None, Some(GraphNameRef::NamedNode(graph.as_ref())))
        .find_map(|q| match q {
            Ok(oxigraph::model::Quad { object: Term::Literal(l), .. }) => Some(l.value().to_string()),
            _ => None,
        })
}

/// Runs `kg push`.
pub fn run(args: PushArgs) -> Result<()> {
    let started = Instant::now();
    let kg = crate::store_arg::open_existing(&args.store)?;
    let remote = Remote::new(&args)?;
    let mut graphs: Vec<NamedNode> = Vec::new();
    for g in kg.store().named_graphs() {
        if let NamedOrBlankNode::NamedNode(g) = g? {
            if g.as_str().starts_with(DOC) || (args.ontology && g.as_str() == ONTOLOGY_GRAPH) {
                graphs.push(g);
            }
        }
    }
    let (mut pushed, mut skipped, mut triples) = (0, 0, 0u64);
    let mut use_gsp = remote.graph_store.is_some();
    for g in &graphs {
        let lines = graph_lines(&kg, g)?;
        let count = lines.len() as u64;
        if !args.force {
            let same_hash =
                local_hash(&kg, g).is_some_and(|h| remote.content_hash(g.as_str()).ok().flatten().as_deref() == Some(h.as_str()));
            if same_hash && remote.triples_in(g.as_str())? == count {
                skipped += 1;
                continue;
            }
        }
        let mut done = false;
        if use_gsp {
            let url = remote.graph_store.as_deref().unwrap_or_default();
            let body = lines.join("\n") + "\n";
            done = remote.put(url, g.as_str(), body.as_bytes())?;
            if !done {
                eprintln!("kg: {url} has no Graph Store Protocol; using SPARQL Update");
                use_gsp = false;
            }
        }
        if !done {
            for (k, batch) in lines.chunks(args.batch.max(1)).enumerate() {
                let data = batch.join("\n");
                let drop = if k == 0 { format!("DROP SILENT GRAPH <{g}> ;\n", g = g.as_str()) } else { String::new() };
                remote.update(&format!("{drop}INSERT DATA {{ GRAPH <{}> {{\n{data}\n}} }}", g.as_str()))?;
            }
            if lines.is_empty() {
                remote.update(&format!("DROP SILENT GRAPH <{}>", g.as_str()))?;
            }
        }
        let there = remote.triples_in(g.as_str())?;
        if there != count {
            bail!("{}: the server holds {there} triples of {}, the store {count}", args.endpoint, g.as_str());
        }
        pushed += 1;
        triples += count;
    }
    println!(
        "pushed {pushed} graphs ({triples} triples, verified) to {}; {skipped} already there; {:.2} s",
        args.endpoint,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::base64;

    #[test]
    fn base64_of_basic_credentials() {
        assert_eq!(base64(b"Aladdin:open sesame"), "QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        assert_eq!(base64(b"ab"), "YWI=");
    }
}
