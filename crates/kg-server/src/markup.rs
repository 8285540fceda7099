//! HTML escaping and the explorer's links, shared by its pages and its diagram.

use crate::http::encode_param;

/// Escapes text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    kg_graph::tables::xml_escape(s)
}

/// The explorer URL of an entity.
pub fn entity_href(iri: &str) -> String {
    format!("/entity?iri={}", encode_param(iri))
}
