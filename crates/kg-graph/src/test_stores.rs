//! Stores for the unit tests: articles extracted and stored in memory.

use kg_model::Document;

use crate::{DocumentMeta, KnowledgeGraph};

/// An in-memory store holding `docs`, stored in order.
pub(crate) fn store_of(docs: impl IntoIterator<Item = Document>) -> KnowledgeGraph {
    let kg = KnowledgeGraph::in_memory().expect("store");
    for doc in docs {
        kg.put_document(&doc, &DocumentMeta::default()).expect("put");
    }
    kg
}

/// The documents extracted from `(id, text, published)` triples.
pub(crate) fn extracted<'a>(articles: impl IntoIterator<Item = (&'a str, &'a str, Option<&'a str>)>) -> Vec<Document> {
    let ex = kg_extract::Extractor::new();
    articles.into_iter().map(|(id, text, published)| ex.extract(id, text, published).expect("extract")).collect()
}

/// An in-memory store of `texts` as documents `d0`, `d1`, … published on 2024-05-01,
/// 2024-05-02, ….
pub(crate) fn dated_store(texts: &[&str]) -> KnowledgeGraph {
    let ids: Vec<String> = (0..texts.len()).map(|k| format!("d{k}")).collect();
    let dates: Vec<String> = (0..texts.len()).map(|k| format!("2024-05-0{}", k + 1)).collect();
    store_of(extracted(texts.iter().enumerate().map(|(k, t)| (ids[k].as_str(), *t, Some(dates[k].as_str())))))
}
