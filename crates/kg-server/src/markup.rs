//! The explorer's links, shared by its pages and its diagram.

use crate::http::encode_param;

/// The explorer URL of an entity.
pub fn entity_href(iri: &str) -> String {
    format!("/entity?iri={}", encode_param(iri))
}
