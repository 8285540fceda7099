#![no_main]
//! The server's request handling on arbitrary requests: a response, never a panic.
use std::sync::OnceLock;

use kg_server::http::Request;
use kg_server::{Limits, State};
use libfuzzer_sys::fuzz_target;

static STATE: OnceLock<State> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let state = STATE.get_or_init(|| {
        let kg = kg_graph::KnowledgeGraph::in_memory().expect("store");
        let doc = kg_extract::Extractor::new().extract("d", "Chinese President Xi Jinping met Russian President Vladimir Putin.", None).expect("extract");
        kg.put_document(&doc, &kg_graph::DocumentMeta::default()).expect("put");
        State::new(kg, Limits { timeout: std::time::Duration::from_millis(200), max_results: 100, max_body: 4096 }, Some("fuzz-token-0123456789".into()), "127.0.0.1:0".into())
    });
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(4, '\n');
    let method = parts.next().unwrap_or("GET");
    let url = parts.next().unwrap_or("/");
    let headers: Vec<(String, String)> = parts.next().unwrap_or("").split('\t').filter_map(|h| h.split_once(':')).map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let body = parts.next().unwrap_or("").as_bytes().to_vec();
    let req = Request::new(method, url, headers, body);
    let resp = kg_server::handle(state, &req);
    assert!((100..600).contains(&resp.status));
});
