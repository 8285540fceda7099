//! The data model of the news knowledge graph, shared by every crate: the documents that
//! extraction produces (the JSON of the extraction contract), the entity types, and the
//! relation vocabulary as types ([`Predicate`], [`Family`]) with their facts in one table.
//! Also the name keys under which names meet and the calendar dates of the model.

#![deny(missing_docs)]

pub mod calendar;
mod document;
mod entity_type;
pub mod names;
pub mod vocabulary;

pub use document::{Document, Entity, Extraction, Relation, Span};
pub use entity_type::{EntityType, TypeSet};
pub use vocabulary::{Family, Predicate, PredicateInfo, Range, PREDICATES};

/// The version of the extraction rules, recorded with every ingested statement.
pub const EXTRACTOR_VERSION: &str = concat!("kg-extract/", env!("CARGO_PKG_VERSION"));
