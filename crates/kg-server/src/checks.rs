//! Request handling on arbitrary bytes, shared by the fuzz target and the test that
//! replays its corpus.

use crate::http::{Request, Response};
use crate::{handle, Limits, State};

/// The article the fuzzed server holds.
pub const FUZZ_ARTICLE: &str = "Chinese President Xi Jinping met Russian President Vladimir Putin.";

/// A server state over an in-memory store with `doc` (the extraction of [`FUZZ_ARTICLE`])
/// and a write token.
pub fn fuzz_state(doc: &kg_model::Document) -> State {
    let kg = kg_graph::KnowledgeGraph::in_memory().expect("store");
    kg.put_document(doc, &kg_graph::DocumentMeta::default()).expect("put");
    let limits = Limits { timeout: std::time::Duration::from_millis(200), max_results: 100, max_body: 4096 };
    State::new(kg, limits, Some("fuzz-token-0123456789".into()), "127.0.0.1:0".into())
}

/// Reads `data` as `METHOD\nURL\nheader:value\theader:value\nBODY`, handles it and
/// checks that the answer has a valid status.
pub fn handle_raw(state: &State, data: &[u8]) -> Response {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(4, '\n');
    let method = parts.next().unwrap_or("GET");
    let url = parts.next().unwrap_or("/");
    let headers: Vec<(String, String)> =
        parts.next().unwrap_or("").split('\t').filter_map(|h| h.split_once(':')).map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let body = parts.next().unwrap_or("").as_bytes().to_vec();
    let resp = handle(state, &Request::new(method, url, headers, body));
    assert!((100..600).contains(&resp.status), "status {}", resp.status);
    resp
}
