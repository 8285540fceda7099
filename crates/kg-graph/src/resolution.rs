//! What resolution decides and how it is recorded, without the store: where each entity of
//! a document goes ([`Resolution`]), the name keys an entity leaves behind, the identity
//! resolution (every entity its own node) and the quads of the decisions.

use std::collections::{BTreeSet, HashMap};

use kg_model::names::{name_key, normalize_label};
use kg_model::{Document, Entity, EntityType};
use oxigraph::model::{GraphName, Literal, NamedNode, Quad};

use crate::vocab::{document_iri, entity_iri, kg, node, owl, rdf, xsd};

/// Where one extracted entity goes in the graph.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// The node.
    pub iri: NamedNode,
    /// The node's label (the canonical one when merged).
    pub label: String,
    /// The node's type.
    pub entity_type: EntityType,
    /// How sure the merge is (1.0 for a new node or an exact name).
    pub confidence: f64,
    /// `new`, `label`, `alias`, `variant`, `surname` or `user`.
    pub method: &'static str,
    /// Wikidata id from the user alias table.
    pub wikidata: Option<String>,
}

/// The resolution of every entity of a document, by entity id.
pub type Resolution = HashMap<String, Resolved>;

/// Name keys of an entity: label and aliases normalised; for persons also the
/// transliteration key of the full name.
pub fn name_keys(e: &Entity) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for name in std::iter::once(&e.label).chain(&e.aliases) {
        let k = normalize_label(name);
        if !k.is_empty() {
            keys.insert(k);
        }
        if e.entity_type == EntityType::Person {
            keys.insert(person_key(name));
            if let Some(last) = name.split_whitespace().last() {
                keys.insert(surname_key(last));
            }
        }
    }
    keys
}

/// `@` and the transliteration key of a surname: what a later "Zelensky" alone looks up.
fn surname_key(word: &str) -> String {
    format!("@{}", name_key(word))
}

/// A single capitalised word that may be a person named by surname only.
pub(crate) fn lone_word(e: &Entity) -> Option<String> {
    let one_word = !e.label.contains(' ') && e.label.chars().any(char::is_lowercase);
    (one_word && matches!(e.entity_type, EntityType::Person | EntityType::Organization)).then(|| surname_key(&e.label))
}

/// `~` and the transliteration keys of a name's words: "Volodymyr Zelenskiy" → `~volodymyr zelensky`.
pub(crate) fn person_key(name: &str) -> String {
    format!("~{}", name.split_whitespace().map(name_key).collect::<Vec<_>>().join(" "))
}

/// The identity resolution: every entity its own node (for output without a store).
pub fn identity(doc: &Document) -> Resolution {
    doc.entities
        .iter()
        .map(|e| {
            let r = Resolved {
                iri: entity_iri(e.entity_type, &e.label),
                label: e.label.clone(),
                entity_type: e.entity_type,
                confidence: 1.0,
                method: "new",
                wikidata: e.wikidata.clone(),
            };
            (e.id.clone(), r)
        })
        .collect()
}

/// The quads that record name keys and resolution decisions in a document's graph.
pub fn resolution_quads(doc: &Document, resolution: &Resolution) -> Vec<Quad> {
    let graph = GraphName::NamedNode(document_iri(&doc.id));
    let mut quads = Vec::new();
    for (n, e) in doc.entities.iter().enumerate() {
        let Some(r) = resolution.get(&e.id) else { continue };
        let mut keys = name_keys(e);
        keys.insert(normalize_label(&r.label));
        for k in keys {
            quads.push(Quad::new(r.iri.clone(), kg("nameKey"), Literal::new_simple_literal(k), graph.clone()));
        }
        // Only well-formed item ids ("Q148") become IRIs: anything else would make an invalid IRI.
        if let Some(wd) = r.wikidata.as_deref().filter(|w| is_wikidata_item(w)) {
            quads.push(Quad::new(r.iri.clone(), owl::SAME_AS, node(format!("http://www.wikidata.org/entity/{wd}")), graph.clone()));
        }
        // A merge under the same label needs no record: the IRI was the same anyway.
        if r.method != "new" && r.method != "label" {
            let res = node(format!("{}#resolution-{}", document_iri(&doc.id).as_str(), n + 1));
            quads.push(Quad::new(res.clone(), rdf::TYPE, kg("Resolution"), graph.clone()));
            quads.push(Quad::new(res.clone(), kg("localLabel"), Literal::new_simple_literal(&e.label), graph.clone()));
            quads.push(Quad::new(res.clone(), kg("resolvedTo"), r.iri.clone(), graph.clone()));
            quads.push(Quad::new(res.clone(), kg("method"), Literal::new_simple_literal(r.method), graph.clone()));
            quads.push(Quad::new(
                res,
                kg("confidence"),
                Literal::new_typed_literal(format!("{:.2}", r.confidence), xsd::DECIMAL),
                graph.clone(),
            ));
        }
    }
    quads
}

/// True for a Wikidata item id: `Q` and digits.
pub fn is_wikidata_item(id: &str) -> bool {
    id.len() > 1 && id.starts_with('Q') && id[1..].bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::is_wikidata_item;

    #[test]
    fn only_item_ids_are_wikidata_ids() {
        assert!(is_wikidata_item("Q148"));
        for bad in ["Q", "Q1 x", "P31", "q148", "Q14<8>", ""] {
            assert!(!is_wikidata_item(bad), "{bad:?}");
        }
    }
}
