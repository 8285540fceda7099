//! IRIs of the project: the ontology namespace, entity, document and statement IRIs,
//! and the well-known vocabularies used beside it.

use kg_model::names::{fold, normalize_label};
use kg_model::EntityType;
use oxigraph::model::{NamedNode, NamedNodeRef};

/// RDF, RDF Schema and XML Schema terms, as Oxigraph declares them (`rdf::TYPE`, `rdfs::LABEL`, `xsd::DECIMAL`).
pub use oxigraph::model::vocab::{rdf, rdfs, xsd};

/// Base of every IRI the project mints.
pub const BASE: &str = "https://w3id.org/newskg/";
/// The ontology namespace (classes and predicates).
pub const KG: &str = "https://w3id.org/newskg/ontology#";
/// The named graph that holds the ontology.
pub const ONTOLOGY_GRAPH: &str = "https://w3id.org/newskg/ontology";
/// The named graph of the user alias table.
pub const ALIASES_GRAPH: &str = "https://w3id.org/newskg/aliases";
/// Entity IRIs start with this.
pub const ENTITY: &str = "https://w3id.org/newskg/entity/";
/// Document IRIs (and the names of their graphs) start with this.
pub const DOC: &str = "https://w3id.org/newskg/doc/";
/// Statement (reified relation) IRIs start with this.
pub const STATEMENT: &str = "https://w3id.org/newskg/statement/";
/// schema.org.
pub const SCHEMA: &str = "http://schema.org/";
/// RDF.
pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
/// RDF Schema.
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
/// SKOS.
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
/// XML Schema datatypes.
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
/// OWL.
pub const OWL: &str = "http://www.w3.org/2002/07/owl#";

/// schema.org terms the graph uses.
pub mod schema {
    use super::NamedNodeRef;

    /// `schema:Person`.
    pub const PERSON: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("http://schema.org/Person");
    /// `schema:Organization`.
    pub const ORGANIZATION: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("http://schema.org/Organization");
    /// `schema:Country`.
    pub const COUNTRY: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("http://schema.org/Country");
    /// `schema:City`.
    pub const CITY: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("http://schema.org/City");
    /// `schema:Place`.
    pub const PLACE: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("http://schema.org/Place");
    /// `schema:NewsArticle`.
    pub const NEWS_ARTICLE: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("http://schema.org/NewsArticle");
    /// `schema:headline`.
    pub const HEADLINE: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("http://schema.org/headline");
    /// `schema:datePublished`.
    pub const DATE_PUBLISHED: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("http://schema.org/datePublished");
    /// `schema:url`.
    pub const URL: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("http://schema.org/url");
}

/// SKOS terms the graph uses.
pub mod skos {
    use super::NamedNodeRef;

    /// `skos:altLabel`: an entity's other names.
    pub const ALT_LABEL: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("http://www.w3.org/2004/02/skos/core#altLabel");
}

/// OWL terms the graph uses.
pub mod owl {
    use super::NamedNodeRef;

    /// `owl:sameAs`: an entity's Wikidata item.
    pub const SAME_AS: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("http://www.w3.org/2002/07/owl#sameAs");
}

/// Prefixes used in Turtle output, SPARQL tables and documentation.
/// Entities have one prefix per kind (`person:xi-jinping`, `country:china`,
/// `place:florida` for cities and other places alike).
pub const PREFIXES: &[(&str, &str)] = &[
    ("kg", KG),
    ("person", "https://w3id.org/newskg/entity/person/"),
    ("organization", "https://w3id.org/newskg/entity/organization/"),
    ("country", "https://w3id.org/newskg/entity/country/"),
    ("place", "https://w3id.org/newskg/entity/place/"),
    ("group", "https://w3id.org/newskg/entity/group/"),
    ("entity", ENTITY),
    ("doc", DOC),
    ("stmt", STATEMENT),
    ("schema", SCHEMA),
    ("rdf", RDF),
    ("rdfs", RDFS),
    ("skos", SKOS),
    ("xsd", XSD),
    ("owl", OWL),
];

/// A named node from an IRI this crate built (always valid).
pub fn node(iri: impl Into<String>) -> NamedNode {
    NamedNode::new_unchecked(iri)
}

/// A term of the ontology namespace.
pub fn kg(local: &str) -> NamedNode {
    node(format!("{KG}{local}"))
}

/// The schema.org (or project) class of an entity type.
pub fn class_of(t: EntityType) -> NamedNode {
    match t {
        EntityType::Person => schema::PERSON.into_owned(),
        EntityType::Organization => schema::ORGANIZATION.into_owned(),
        EntityType::Country => schema::COUNTRY.into_owned(),
        EntityType::City => schema::CITY.into_owned(),
        EntityType::Location => schema::PLACE.into_owned(),
        EntityType::Group => kg("Group"),
    }
}

/// The entity type of a class IRI, if it is one of ours.
pub fn type_of_class(iri: &str) -> Option<EntityType> {
    EntityType::ALL.into_iter().find(|t| class_of(*t).as_str() == iri)
}

/// A slug for IRIs: folded to lower case without marks, words joined by `-`.
pub fn slug(label: &str) -> String {
    let words = normalize_label(&fold(label));
    let s: String = words.chars().map(|c| if c.is_alphanumeric() { c } else { '-' }).collect();
    let s = s.trim_matches('-').to_string();
    if s.is_empty() {
        "unnamed".into()
    } else {
        s
    }
}

/// The IRI segment of an entity type's kind: its own name, except that cities and other
/// places share `place` (articles disagree on which a name is, and the node must not
/// change with one article's guess; its `rdf:type` follows the documents' majority).
pub fn kind_segment(t: EntityType) -> &'static str {
    match t {
        EntityType::Person => "person",
        EntityType::Organization => "organization",
        EntityType::Country => "country",
        EntityType::City | EntityType::Location => "place",
        EntityType::Group => "group",
    }
}

/// The IRI of an entity: stable across documents for the same kind and label.
pub fn entity_iri(t: EntityType, label: &str) -> NamedNode {
    node(format!("{ENTITY}{}/{}", kind_segment(t), slug(label)))
}

/// Whether an IRI names an entity of `t`'s kind.
pub fn is_entity_of_kind(iri: &str, t: EntityType) -> bool {
    iri.strip_prefix(ENTITY).and_then(|rest| rest.strip_prefix(kind_segment(t))).is_some_and(|rest| rest.starts_with('/'))
}

/// The entity type an entity IRI names (`…/entity/person/…` → Person); `None` for places,
/// whose IRI leaves open whether they are cities.
pub fn type_of_entity_iri(iri: &str) -> Option<EntityType> {
    let (segment, _) = iri.strip_prefix(ENTITY)?.split_once('/')?;
    EntityType::ALL.into_iter().filter(|t| kind_segment(*t) != "place").find(|t| kind_segment(*t) == segment)
}

/// Percent-encodes characters that may not appear in an IRI path segment.
pub fn encode_segment(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() || "-._~".contains(c) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// The IRI of a document, which is also the name of its graph.
pub fn document_iri(id: &str) -> NamedNode {
    node(format!("{DOC}{}", encode_segment(id)))
}

/// The IRI of the `n`-th statement of a document (`stmt:DOC.N`).
pub fn statement_iri(doc_id: &str, n: usize) -> NamedNode {
    node(format!("{STATEMENT}{}.{n}", encode_segment(doc_id)))
}

/// Expands a prefixed name (`person:donald-trump`) with the known prefixes; anything else
/// is returned as it is.
pub fn expand(name: &str) -> String {
    match name.split_once(':') {
        Some((prefix, rest)) if !rest.starts_with("//") => {
            PREFIXES.iter().find(|(p, _)| *p == prefix).map_or_else(|| name.to_string(), |(_, ns)| format!("{ns}{rest}"))
        }
        _ => name.to_string(),
    }
}

/// Shortens an IRI with the known prefixes (`kg:leaderOf`), or returns it in angle brackets.
pub fn compact(iri: &str) -> String {
    for (p, ns) in PREFIXES {
        if let Some(rest) = iri.strip_prefix(ns) {
            let simple = rest.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_' || c == '.');
            let path_namespace = matches!(*p, "entity" | "doc");
            if !rest.is_empty() && (simple || path_namespace) {
                return format!("{p}:{rest}");
            }
        }
    }
    format!("<{iri}>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_iris_are_stable_across_spellings_of_case_and_marks() {
        assert_eq!(entity_iri(EntityType::Person, "Philippe Étienne"), entity_iri(EntityType::Person, "philippe etienne"));
        assert_eq!(entity_iri(EntityType::Country, "China").as_str(), "https://w3id.org/newskg/entity/country/china");
        assert_eq!(slug("Russia's foreign ministry"), "russia-foreign-ministry");
    }

    #[test]
    fn cities_and_other_places_share_one_kind() {
        assert_eq!(entity_iri(EntityType::City, "Avonshire"), entity_iri(EntityType::Location, "Avonshire"));
        assert_eq!(entity_iri(EntityType::City, "Avonshire").as_str(), "https://w3id.org/newskg/entity/place/avonshire");
        assert_eq!(type_of_entity_iri("https://w3id.org/newskg/entity/place/avonshire"), None);
        assert_eq!(type_of_entity_iri("https://w3id.org/newskg/entity/group/kurds"), Some(EntityType::Group));
        assert!(is_entity_of_kind("https://w3id.org/newskg/entity/place/avonshire", EntityType::City));
        assert!(!is_entity_of_kind("https://w3id.org/newskg/entity/placebo/x", EntityType::City));
        assert!(!is_entity_of_kind("https://w3id.org/newskg/entity/person/x", EntityType::Group));
    }

    #[test]
    fn document_ids_are_encoded() {
        assert_eq!(document_iri("a b/c").as_str(), "https://w3id.org/newskg/doc/a%20b%2Fc");
    }
}
