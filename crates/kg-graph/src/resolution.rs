//! What resolution decides and how it is recorded, without the store: where each entity of
//! a document goes ([`Resolution`]), the name keys an entity leaves behind, the identity
//! resolution (every entity its own node) and the quads of the decisions.

use std::collections::{BTreeSet, HashMap};

use kg_model::names::{name_key, normalize_label, same_name_part};
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
    /// `new`, `label`, `alias`, `variant`, `surname`, `state` (a node named with its state:
    /// the text qualifies the name by it, or the node of its label belongs to another
    /// state) or `user`.
    pub method: &'static str,
    /// Wikidata id from the user alias table.
    pub wikidata: Option<String>,
}

/// The resolution of every entity of a document, by entity id.
pub type Resolution = HashMap<String, Resolved>;

/// How many times more documents the most named of several people sharing a surname needs
/// before the surname alone is taken to mean that person.
const SURNAME_DOMINANCE: usize = 3;

/// Whether a person named in `most` documents is named far enough more often than the next
/// person of the surname, named in `next`, for the surname alone to mean them.
pub fn surname_dominates(most: usize, next: usize) -> bool {
    most >= SURNAME_DOMINANCE * next
}

/// The confidence of a merge on a surname alone, the weakest evidence of a merge.
pub const SURNAME_CONFIDENCE: f64 = 0.7;

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
            // A surname is the last word of a full name; a name of one word may be a
            // given name ("Melania"), which must not pass for a surname.
            let words: Vec<&str> = name.split_whitespace().collect();
            if let [_, .., last] = words.as_slice() {
                keys.insert(surname_key(last));
            }
        }
    }
    keys
}

/// Whether two names of persons cannot be one person: both give a given name and a
/// surname, the surnames agree, and neither given name stands in the other name ("Ivanka
/// Trump" and "Donald Trump"; not "Hillary Rodham Clinton" and "Hillary Clinton", nor
/// "Republican Kevin McCarthy" and "Kevin McCarthy"). An initial stands for the names it
/// begins ("J. Smith" and "John Smith"), but a middle initial not for a first name
/// ("Charles H. Baker" and "Howard Baker" conflict).
pub fn given_names_conflict(a: &str, b: &str) -> bool {
    let (a, b) = (name_words(a), name_words(b));
    let (Some((a_last, a_rest)), Some((b_last, b_rest))) = (a.split_last(), b.split_last()) else { return false };
    if a_rest.is_empty() || b_rest.is_empty() || !same_name_part(a_last, b_last) {
        return false;
    }
    // A middle initial stands for no one's first name: "Charles H. Baker" is not "Howard
    // Baker", while "J. Howard Baker" may be.
    let stands_in = |given: &str, rest: &[&str]| {
        let initial = given.chars().count() == 1;
        rest.iter().enumerate().any(|(k, w)| {
            same_name_part(given, w)
                || (initial && fold_first(w) == fold_first(given))
                || (k == 0 && w.chars().count() == 1 && fold_first(w) == fold_first(given))
        })
    };
    !stands_in(a_rest[0], b_rest) && !stands_in(b_rest[0], a_rest)
}

/// Whether two names of two words or more end with the same surname (spelling variants
/// allowed).
pub fn same_surname(a: &str, b: &str) -> bool {
    fn surname(name: &str) -> Option<&str> {
        let words = name_words(name);
        (words.len() > 1).then(|| words[words.len() - 1])
    }
    matches!((surname(a), surname(b)), (Some(x), Some(y)) if same_name_part(x, y))
}

/// The words of a person's name, without the punctuation around them ("J." → "J").
fn name_words(name: &str) -> Vec<&str> {
    name.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric())).filter(|w| !w.is_empty()).collect()
}

fn fold_first(word: &str) -> Option<char> {
    kg_model::names::fold(word).chars().next()
}

/// Whether two organisation labels name different organisations: one is the other with
/// qualifying words before or after it ("Christian Democratic Party" and "Democratic
/// Party", "House of Representatives of Libya" and "House of Representatives").
pub fn qualifier_differs(a: &str, b: &str) -> bool {
    let (a, b) = (normalize_label(a), normalize_label(b));
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.is_empty() || short == long {
        return false;
    }
    let short_words: Vec<&str> = short.split(' ').collect();
    let long_words: Vec<&str> = long.split(' ').collect();
    long_words.starts_with(&short_words) || long_words.ends_with(&short_words)
}

/// Whether one place label is the other's with "City" after it ("Avon City" and "Avon"):
/// a city named after its state or country is another place than the state.
pub fn city_named_after(a: &str, b: &str) -> bool {
    let (a, b) = (normalize_label(a), normalize_label(b));
    a.strip_suffix(" city") == Some(b.as_str()) || b.strip_suffix(" city") == Some(a.as_str())
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

impl Resolved {
    /// The entity as a node of its own, named by its label, decided by `method`.
    pub fn own_node(e: &Entity, method: &'static str) -> Resolved {
        Resolved {
            iri: entity_iri(e.entity_type, &e.label),
            label: e.label.clone(),
            entity_type: e.entity_type,
            confidence: 1.0,
            method,
            wikidata: e.wikidata.clone(),
        }
    }
}

/// The identity resolution: every entity its own node (for output without a store).
pub fn identity(doc: &Document) -> Resolution {
    doc.entities.iter().map(|e| (e.id.clone(), Resolved::own_node(e, "new"))).collect()
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
    use super::{given_names_conflict, is_wikidata_item, qualifier_differs};

    #[test]
    fn different_given_names_of_one_surname_conflict() {
        for (a, b) in [
            ("Ivanka Kessler", "Donald Kessler"),
            ("Bill Abernathy", "Hillary Abernathy"),
            ("J. R. Ostrowski", "Matt Ostrowski"),
            ("Charles H. Kessler", "Howard Kessler"),
        ] {
            assert!(given_names_conflict(a, b) && given_names_conflict(b, a), "{a} / {b}");
        }
        for (a, b) in [
            ("Hillary Rodham Abernathy", "Hillary Abernathy"),
            ("Republican Kevin Ostrowski", "Kevin Ostrowski"),
            ("J. Kessler", "John Kessler"),
            ("Donald J. Kessler", "Donald Kessler"),
            ("J. Howard Kessler", "Howard Kessler"),
            ("Sergei Lavrov", "Sergey Lavrov"),
            ("Kessler", "Donald Kessler"),
            ("Ivanka Kessler", "Donald Ostrowski"),
        ] {
            assert!(!given_names_conflict(a, b) && !given_names_conflict(b, a), "{a} / {b}");
        }
    }

    #[test]
    fn qualified_organisation_names_differ() {
        assert!(qualifier_differs("Christian Progressive Party", "Progressive Party"));
        assert!(qualifier_differs("House of Delegates of Freedonia", "House of Delegates"));
        assert!(!qualifier_differs("The Progressive Party", "Progressive Party"));
        assert!(!qualifier_differs("Federal Bureau of Investigation", "FBI"));
        assert!(!qualifier_differs("Progressive Party", "Progressive Party"));
    }

    #[test]
    fn only_item_ids_are_wikidata_ids() {
        assert!(is_wikidata_item("Q148"));
        for bad in ["Q", "Q1 x", "P31", "q148", "Q14<8>", ""] {
            assert!(!is_wikidata_item(bad), "{bad:?}");
        }
    }
}
