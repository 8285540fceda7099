//! `kg serve`: the SPARQL 1.1 Protocol at `/sparql`, the Graph Store Protocol at `/store`
//! and a web explorer at `/`, from one binary, with no network access.
//!
//! Read-only by default; updates and graph writes need `--writable` and a bearer token.
//! Every request is bounded: body size, query time and result count.

#![deny(missing_docs)]

pub mod auth;
pub mod checks;
pub mod explorer;
pub mod gsp;
pub mod http;
pub mod limits;
pub mod markup;
pub mod sparql;
pub mod svg;

use std::io::Read;
use std::net::SocketAddr;
use std::sync::Arc;
use std::thread::JoinHandle;

use kg_graph::KnowledgeGraph;

use crate::http::{Request, Response};
pub use crate::limits::Limits;
use crate::limits::Watchdog;

/// Everything a request handler needs.
pub struct State {
    /// The graph.
    pub kg: KnowledgeGraph,
    /// Limits per request.
    pub limits: Limits,
    /// The bearer token that allows writes; None on a read-only server.
    pub write_token: Option<String>,
    /// The address the server listens on (for the service description).
    pub bind: String,
    /// Cancels queries that run too long.
    pub watchdog: Watchdog,
}

impl State {
    /// The state of a server over `kg`.
    pub fn new(kg: KnowledgeGraph, limits: Limits, write_token: Option<String>, bind: String) -> State {
        State { kg, limits, write_token, bind, watchdog: Watchdog::start() }
    }
}

/// Routes a request.
pub fn handle(state: &State, req: &Request) -> Response {
    if req.method == "OPTIONS" {
        return cors(Response::new(204, "text/plain", Vec::new()));
    }
    if req.body.len() > state.limits.max_body {
        return cors(Response::error(413, "request body too large"));
    }
    let resp = match req.path.as_str() {
        "/sparql" | "/query" => sparql::endpoint(state, req),
        "/update" => sparql::endpoint(state, req),
        "/store" | "/rdf-graph-store" => gsp::store(state, req),
        _ => explorer::page(state, req),
    };
    cors(resp)
}

fn cors(resp: Response) -> Response {
    resp.with_header("Access-Control-Allow-Origin", "*")
        .with_header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, HEAD, OPTIONS")
        .with_header("Access-Control-Allow-Headers", "Accept, Authorization, Content-Type")
        .with_header("X-Content-Type-Options", "nosniff")
}

/// Server settings.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Address to listen on, `127.0.0.1:7878` by default.
    pub bind: String,
    /// Worker threads.
    pub threads: usize,
    /// Limits per request.
    pub limits: Limits,
    /// The bearer token for writes; None keeps the server read-only.
    pub write_token: Option<String>,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig { bind: "127.0.0.1:7878".into(), threads: 16, limits: Limits::default(), write_token: None }
    }
}

/// A running server.
pub struct Running {
    server: Arc<tiny_http::Server>,
    workers: Vec<JoinHandle<()>>,
    /// The address it listens on.
    pub addr: SocketAddr,
}

impl Running {
    /// Blocks until the server stops.
    pub fn wait(self) {
        for w in self.workers {
            let _ = w.join();
        }
    }

    /// Stops the server and waits for its workers.
    pub fn stop(self) {
        for _ in &self.workers {
            self.server.unblock();
        }
        self.wait();
    }
}

/// Starts serving `kg`.
pub fn start(kg: KnowledgeGraph, config: ServerConfig) -> Result<Running, String> {
    if config.write_token.as_ref().is_some_and(|t| t.len() < 16) {
        return Err("the write token must be at least 16 characters".into());
    }
    let server = Arc::new(tiny_http::Server::http(&config.bind).map_err(|e| format!("cannot listen on {}: {e}", config.bind))?);
    let addr = server.server_addr().to_ip().ok_or("not an IP address")?;
    let state =
        Arc::new(State { kg, limits: config.limits, write_token: config.write_token, bind: addr.to_string(), watchdog: Watchdog::start() });
    let workers = (0..config.threads.max(1))
        .map(|_| {
            let server = Arc::clone(&server);
            let state = Arc::clone(&state);
            std::thread::spawn(move || {
                while let Ok(request) = server.recv() {
                    serve_one(&state, request);
                }
            })
        })
        .collect();
    Ok(Running { server, workers, addr })
}

fn serve_one(state: &State, mut request: tiny_http::Request) {
    let declared = request.body_length().unwrap_or(0);
    let headers: Vec<(String, String)> =
        request.headers().iter().map(|h| (h.field.as_str().as_str().to_string(), h.value.as_str().to_string())).collect();
    let resp = if declared > state.limits.max_body {
        cors(Response::error(413, "request body too large"))
    } else {
        let mut body = Vec::new();
        let limit = state.limits.max_body as u64 + 1;
        match request.as_reader().take(limit).read_to_end(&mut body) {
            Ok(_) => {
                let req = Request::new(request.method().as_str(), request.url(), headers, body);
                handle(state, &req)
            }
            Err(_) => Response::error(400, "could not read the request body"),
        }
    };
    let mut out = tiny_http::Response::from_data(resp.body).with_status_code(resp.status);
    for (k, v) in resp.headers {
        if let Ok(h) = tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()) {
            out.add_header(h);
        }
    }
    let _ = request.respond(out);
}
