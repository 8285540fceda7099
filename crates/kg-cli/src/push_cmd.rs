//! `kg push`: upload the store's document graphs to any SPARQL 1.1 server, through the
//! Graph Store Protocol (PUT per named graph) or SPARQL Update in batches. Idempotent
//! (PUT and DROP+INSERT replace a graph) and resumable (a graph the server already holds
//! in the same version — same content hash and triple count — is skipped). Every graph
//! is verified by counting its triples on the server.

use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use kg_graph::vocab::{DOC, ONTOLOGY_GRAPH};
use kg_graph::KnowledgeGraph;
use kg_server::http::encode_param;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphNameRef, NamedNode, NamedOrBlankNode, Term};
use serde_json::Value;

use crate::cli::PushArgs;

/// How to authenticate to the server.
enum Auth {
    None,
    /// User and password: HTTP Basic first, Digest (RFC 7616, MD5, qop=auth) when the server asks for it.
    Password {
        user: String,
        password: String,
    },
    Bearer(String),
}

/// A SPARQL 1.1 server.
struct Remote {
    agent: ureq::Agent,
    endpoint: String,
    graph_store: Option<String>,
    auth: Auth,
}

/// The `Authorization` value answering a Digest challenge for `method` on `uri` (path and
/// query); `cnonce` fixes the client nonce (tests), otherwise it is random.
fn digest_header(challenge: &str, user: &str, password: &str, method: &str, uri: &str, cnonce: Option<&str>) -> Result<String> {
    let mut context = digest_auth::AuthContext::new_with_method(user, password, uri, None::<&[u8]>, digest_auth::HttpMethod::from(method));
    if let Some(c) = cnonce {
        context.set_custom_cnonce(c);
    }
    let mut prompt = digest_auth::parse(challenge).map_err(|e| anyhow::anyhow!("an unreadable Digest challenge: {e}"))?;
    let answer = prompt.respond(&context).map_err(|e| anyhow::anyhow!("cannot answer the Digest challenge: {e}"))?;
    Ok(answer.to_header_string())
}

impl Remote {
    fn new(args: &PushArgs) -> Result<Remote> {
        let auth = match (&args.user, args.token) {
            (Some(_), true) => bail!("give --user or --token, not both"),
            (Some(user), false) => {
                let password = std::env::var("KG_PUSH_PASSWORD").context("--user needs the password in KG_PUSH_PASSWORD")?;
                Auth::Password { user: user.clone(), password }
            }
            (None, true) => Auth::Bearer(std::env::var("KG_PUSH_TOKEN").context("--token needs the token in KG_PUSH_TOKEN")?),
            (None, false) => Auth::None,
        };
        let agent = ureq::Agent::config_builder().http_status_as_error(false).timeout_global(Some(Duration::from_secs(300))).build().into();
        Ok(Remote { agent, endpoint: args.endpoint.clone(), graph_store: args.graph_store.clone(), auth })
    }

    /// Sends a request, answering a Digest challenge once if the server makes one.
    /// Returns the status and the body.
    fn send(&self, method: &str, url: &str, content_type: &str, accept: Option<&str>, body: &[u8]) -> Result<(u16, String)> {
        let attempt = |authorization: Option<String>| -> Result<ureq::http::Response<ureq::Body>> {
            let mut req = match method {
                "PUT" => self.agent.put(url),
                _ => self.agent.post(url),
            }
            .header("Content-Type", content_type);
            if let Some(a) = accept {
                req = req.header("Accept", a);
            }
            if let Some(a) = authorization {
                req = req.header("Authorization", &a);
            }
            req.send(body).with_context(|| format!("{url}: {method}"))
        };
        // With a password, the server's challenge says which scheme it wants: Digest
        // (Virtuoso) or Basic (most others).
        let first = match &self.auth {
            Auth::Bearer(t) => Some(format!("Bearer {t}")),
            Auth::None | Auth::Password { .. } => None,
        };
        let mut resp = attempt(first)?;
        if let (401, Auth::Password { user, password }) = (resp.status().as_u16(), &self.auth) {
            let challenge = resp.headers().get("www-authenticate").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
            let header = if challenge.to_ascii_lowercase().starts_with("digest") {
                let uri = url.splitn(4, '/').nth(3).map(|rest| format!("/{rest}")).unwrap_or_else(|| "/".into());
                digest_header(&challenge, user, password, method, &uri, None)?
            } else {
                format!("Basic {}", BASE64.encode(format!("{user}:{password}")))
            };
            resp = attempt(Some(header))?;
        }
        let status = resp.status().as_u16();
        let text = resp.body_mut().read_to_string().unwrap_or_default();
        Ok((status, text))
    }

    fn select(&self, query: &str) -> Result<Value> {
        let form = format!("query={}", encode_param(query));
        let (status, body) = self.send(
            "POST",
            &self.endpoint,
            "application/x-www-form-urlencoded",
            Some("application/sparql-results+json"),
            form.as_bytes(),
        )?;
        if status != 200 {
            bail!("{}: query answered {status}: {}", self.endpoint, body.trim().chars().take(300).collect::<String>());
        }
        serde_json::from_str(&body).with_context(|| format!("{}: not SPARQL JSON results", self.endpoint))
    }

    fn update(&self, update: &str) -> Result<()> {
        let form = format!("update={}", encode_param(update));
        let (status, body) = self.send("POST", &self.endpoint, "application/x-www-form-urlencoded", None, form.as_bytes())?;
        if !(200..300).contains(&status) {
            bail!("{}: update answered {status}: {}", self.endpoint, body.trim().chars().take(300).collect::<String>());
        }
        Ok(())
    }

    /// PUT a graph through the Graph Store Protocol. Ok(false) when the server has no such protocol.
    fn put(&self, url: &str, graph: &str, ntriples: &[u8]) -> Result<bool> {
        let sep = if url.contains('?') { '&' } else { '?' };
        let target = format!("{url}{sep}graph={}", encode_param(graph));
        let (status, body) = self.send("PUT", &target, "application/n-triples", None, ntriples)?;
        match status {
            200..=299 => Ok(true),
            404 | 405 | 501 => Ok(false),
            _ => bail!("{url}: PUT answered {status}: {}", body.trim().chars().take(300).collect::<String>()),
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
    use super::*;

    #[test]
    fn digest_response_of_rfc_2617_example() {
        // RFC 2617, section 3.5 (qop=auth), with the example's client nonce.
        let challenge = r#"Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41""#;
        let header = digest_header(challenge, "Mufasa", "Circle Of Life", "GET", "/dir/index.html", Some("0a4f113b")).expect("header");
        for part in [
            r#"username="Mufasa""#,
            "qop=auth",
            r#"opaque="5ccc069c403ebaf9f0171e9517f40e41""#,
            r#"response="6629fae49393a05397450978507c4ef1""#,
        ] {
            assert!(header.contains(part), "{part} not in {header}");
        }
        assert!(digest_header("Basic realm=\"x\"", "a", "b", "GET", "/", None).is_err(), "not a Digest challenge");
    }

    #[test]
    fn basic_credentials_in_base64() {
        assert_eq!(BASE64.encode("Aladdin:open sesame"), "QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    }
}
