//! The document model that extraction produces: the JSON of the extraction contract.

use serde::{Deserialize, Serialize};

use crate::{EntityType, Predicate};

/// A span of the input text in Unicode scalar (code point) offsets, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// First code point of the span.
    pub start: usize,
    /// One past the last code point of the span.
    pub end: usize,
}

/// One real-world referent of a document, with every way the text names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Document-local id (`e1`, `e2`, …).
    pub id: String,
    /// The fullest proper name.
    pub label: String,
    /// The entity type.
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// Other names and spellings used in the text (and canonical names from the lexicons).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Where the text names the entity.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<Span>,
    /// The Wikidata identifier (`Q148`) of a country, international organisation or region of the gazetteers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
}

/// A statement `subject predicate object` (or `subject said "literal"`) with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    /// Entity id of the subject.
    pub subject: String,
    /// The predicate of the contract's vocabulary (its camelCase name in JSON).
    pub predicate: Predicate,
    /// Entity id of the object, for relations between entities.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// The quotation, for `said`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub literal: Option<String>,
    /// ISO 8601 date (or year-month, or year) of the event, resolved against publication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Title as written, for position relations ("President", "deputy head").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// CAMEO root category (two digits) for event predicates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cameo: Option<String>,
    /// CAMEO event code (three digits) where the cue determines it ("041" telephone, "042" visit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Goldstein conflict-cooperation weight of the event (-10 to +10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goldstein: Option<f64>,
    /// `negated`, `hypothetical` or `feared` for an event not stated as a fact (kept only on request).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modality: Option<String>,
    /// Confidence in [0, 1].
    pub confidence: f64,
    /// The sentence that states the relation.
    pub sentence: String,
    /// Start of the evidence (sentence or quotation) in code points.
    pub start: usize,
    /// End of the evidence in code points, exclusive.
    pub end: usize,
}

/// Everything extracted from one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Document id (the file stem for files).
    pub id: String,
    /// Publication date, ISO 8601, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The headline, when the text starts with one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Entities, in order of first mention.
    pub entities: Vec<Entity>,
    /// Relations and quotations.
    pub relations: Vec<Relation>,
}

impl Document {
    /// The entity with this document-local id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }
}

/// The top-level JSON object of `kg extract --format json`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Extraction {
    /// One entry per input document.
    pub documents: Vec<Document>,
}
