//! Cross-document entity resolution: an entity of a new document becomes the node an
//! earlier document already made for the same referent.
//!
//! Every entity leaves name keys (`kg:nameKey`) in its document's graph: its label and
//! aliases normalised, and for persons a transliteration key (Zelenskiy and Zelensky
//! meet). These keys are the persistent alias index: a new document's entities are
//! looked up by them, and they disappear with the document that made them. A user
//! alias table (TSV: alias, canonical label, type, optional Wikidata id) forces merges
//! and splits; it lives in its own graph and overrides the automatic decision.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use kg_model::names::{name_key, normalize_label};
use kg_model::{Document, Entity, EntityType};
use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};

use crate::error::{GraphError, Result};
use crate::name_index::NameIndex;
use crate::query::select_rows;
use crate::store::KnowledgeGraph;
use crate::vocab::{document_iri, entity_iri, kg, node, ALIASES_GRAPH};

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
fn lone_word(e: &Entity) -> Option<String> {
    let one_word = !e.label.contains(' ') && e.label.chars().any(char::is_lowercase);
    (one_word && matches!(e.entity_type, EntityType::Person | EntityType::Organization)).then(|| surname_key(&e.label))
}

/// `~` and the transliteration keys of a name's words: "Volodymyr Zelenskiy" → `~volodymyr zelensky`.
fn person_key(name: &str) -> String {
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

/// The user alias table, read from the store once: name key → canonical label, type and
/// Wikidata id.
#[derive(Debug, Default, Clone)]
pub struct UserAliases(HashMap<String, (String, EntityType, Option<String>)>);

impl UserAliases {
    /// Reads the table [`load_alias_table`] stored (empty when there is none).
    pub fn read(store: &KnowledgeGraph) -> Result<Self> {
        let rows = select_rows(
            store,
            &format!("SELECT ?k ?label ?type ?wd WHERE {{ GRAPH <{ALIASES_GRAPH}> {{ ?a kg:aliasKey ?k ; kg:canonicalLabel ?label ; kg:canonicalType ?type . OPTIONAL {{ ?a kg:wikidata ?wd }} }} }}"),
        )?;
        let mut forced = HashMap::new();
        for r in &rows {
            let text = |i: usize| match &r[i] {
                Some(Term::Literal(l)) => Some(l.value().to_string()),
                _ => None,
            };
            if let (Some(k), Some(label), Some(ty)) = (text(0), text(1), text(2).and_then(|t| EntityType::parse(&t))) {
                forced.insert(k, (label, ty, text(3)));
            }
        }
        Ok(UserAliases(forced))
    }
}

/// Resolves a document's entities against the documents the index knows (the store's and
/// those added to the index since) and the user table.
pub fn resolve_with(store: &KnowledgeGraph, index: &mut NameIndex, user: &UserAliases, doc: &Document) -> Result<Resolution> {
    let mut out = identity(doc);
    let all: BTreeSet<String> = doc.entities.iter().flat_map(|e| name_keys(e).into_iter().chain(lone_word(e))).collect();
    if all.is_empty() {
        return Ok(out);
    }
    let this_doc = document_iri(&doc.id);
    // key → [(iri, label, documents)]
    let mut by_key: HashMap<String, Vec<(String, String, usize)>> = HashMap::new();
    for key in &all {
        let nodes: Vec<(String, usize)> = index.nodes_with_key(store, key, &this_doc)?.iter().map(|(k, n)| (k.clone(), *n)).collect();
        let mut found = Vec::with_capacity(nodes.len());
        for (iri, weight) in nodes {
            if let Some(label) = index.label(store, &iri, &this_doc)? {
                found.push((iri, label, weight));
            }
        }
        if !found.is_empty() {
            by_key.insert(key.clone(), found);
        }
    }
    for e in &doc.entities {
        let keys = name_keys(e);
        let label_key = normalize_label(&e.label);
        if let Some((label, ty, wd)) = keys.iter().find_map(|k| user.0.get(k)) {
            out.insert(
                e.id.clone(),
                Resolved {
                    iri: entity_iri(*ty, label),
                    label: label.clone(),
                    entity_type: *ty,
                    confidence: 1.0,
                    method: "user",
                    wikidata: wd.clone().or_else(|| e.wikidata.clone()),
                },
            );
            continue;
        }
        let prefix = entity_iri(e.entity_type, "x").as_str().trim_end_matches('x').to_string();
        let candidates = |key: &str| -> Vec<(String, String, usize)> {
            by_key.get(key).map(|v| v.iter().filter(|(iri, _, _)| iri.starts_with(&prefix)).cloned().collect()).unwrap_or_default()
        };
        let best = |mut c: Vec<(String, String, usize)>| {
            c.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
            c.into_iter().next()
        };
        let exact = best(candidates(&label_key)).map(|c| (c, 1.0, "label"));
        let alias =
            || best(keys.iter().filter(|k| !k.starts_with(['~', '@'])).flat_map(|k| candidates(k)).collect()).map(|c| (c, 0.9, "alias"));
        let variant =
            || best(keys.iter().filter(|k| k.starts_with('~')).flat_map(|k| candidates(k)).collect()).map(|c| (c, 0.85, "variant"));
        if let Some(((iri, label, _), confidence, method)) = exact.or_else(alias).or_else(variant) {
            let wikidata = e.wikidata.clone();
            out.insert(e.id.clone(), Resolved { iri: node(iri), label, entity_type: e.entity_type, confidence, method, wikidata });
            continue;
        }
        // "Zelensky" alone, when exactly one known person has that surname.
        if let Some(key) = lone_word(e) {
            let person_prefix = entity_iri(EntityType::Person, "x").as_str().trim_end_matches('x').to_string();
            let mut people: Vec<&(String, String, usize)> =
                by_key.get(&key).map(|v| v.iter().filter(|c| c.0.starts_with(&person_prefix)).collect()).unwrap_or_default();
            people.dedup_by(|a, b| a.0 == b.0);
            if let [(iri, label, _)] = people.as_slice() {
                let r = Resolved {
                    iri: node(iri.clone()),
                    label: label.clone(),
                    entity_type: EntityType::Person,
                    confidence: 0.7,
                    method: "surname",
                    wikidata: e.wikidata.clone(),
                };
                out.insert(e.id.clone(), r);
            }
        }
    }
    Ok(out)
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
            quads.push(Quad::new(
                r.iri.clone(),
                node("http://www.w3.org/2002/07/owl#sameAs"),
                node(format!("http://www.wikidata.org/entity/{wd}")),
                graph.clone(),
            ));
        }
        // A merge under the same label needs no record: the IRI was the same anyway.
        if r.method != "new" && r.method != "label" {
            let res = node(format!("{}#resolution-{}", document_iri(&doc.id).as_str(), n + 1));
            quads.push(Quad::new(res.clone(), node(format!("{}type", crate::vocab::RDF)), kg("Resolution"), graph.clone()));
            quads.push(Quad::new(res.clone(), kg("localLabel"), Literal::new_simple_literal(&e.label), graph.clone()));
            quads.push(Quad::new(res.clone(), kg("resolvedTo"), r.iri.clone(), graph.clone()));
            quads.push(Quad::new(res.clone(), kg("method"), Literal::new_simple_literal(r.method), graph.clone()));
            quads.push(Quad::new(
                res,
                kg("confidence"),
                Literal::new_typed_literal(format!("{:.2}", r.confidence), node(format!("{}decimal", crate::vocab::XSD))),
                graph.clone(),
            ));
        }
    }
    quads
}

/// Loads a user alias table (TSV: alias, canonical label, type, optional Wikidata id;
/// `#` comments) into the alias graph, replacing the previous table. Returns the rows.
pub fn load_alias_table(store: &KnowledgeGraph, path: &Path) -> Result<usize> {
    let text = std::fs::read_to_string(path).map_err(|e| GraphError::Invalid(format!("{}: {e}", path.display())))?;
    let graph = GraphName::NamedNode(node(ALIASES_GRAPH));
    let mut quads = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        let where_ = || format!("{}:{}", path.display(), n + 1);
        if cols.len() < 3 || cols[0].is_empty() || cols[1].is_empty() {
            return Err(GraphError::Invalid(format!("{}: expected alias<TAB>canonical label<TAB>type[<TAB>Wikidata id]", where_())));
        }
        let ty = EntityType::parse(cols[2]).ok_or_else(|| {
            GraphError::Invalid(format!("{}: unknown type {:?} (Person, Organization, Country, City, Location, Group)", where_(), cols[2]))
        })?;
        let row = node(format!("{ALIASES_GRAPH}#row-{}", n + 1));
        let mut keys = BTreeSet::from([normalize_label(cols[0])]);
        if ty == EntityType::Person {
            keys.insert(person_key(cols[0]));
        }
        for k in keys {
            quads.push(Quad::new(row.clone(), kg("aliasKey"), Literal::new_simple_literal(k), graph.clone()));
        }
        quads.push(Quad::new(row.clone(), kg("canonicalLabel"), Literal::new_simple_literal(cols[1]), graph.clone()));
        quads.push(Quad::new(row.clone(), kg("canonicalType"), Literal::new_simple_literal(ty.as_str()), graph.clone()));
        if let Some(wd) = cols.get(3).filter(|w| !w.is_empty()) {
            if !(wd.starts_with('Q') && wd[1..].chars().all(|c| c.is_ascii_digit()) && wd.len() > 1) {
                return Err(GraphError::Invalid(format!("{}: {wd:?} is not a Wikidata id (Q and digits)", where_())));
            }
            quads.push(Quad::new(row.clone(), kg("wikidata"), Literal::new_simple_literal(*wd), graph.clone()));
        }
    }
    let rows = quads.iter().filter(|q| q.predicate == kg("canonicalLabel")).count();
    store.replace_named_graph(ALIASES_GRAPH, &quads)?;
    Ok(rows)
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
