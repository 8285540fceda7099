//! Cross-document entity resolution: an entity of a new document becomes the node an
//! earlier document already made for the same referent (the decisions and their quads are
//! `resolution`).
//!
//! Every entity leaves name keys (`kg:nameKey`) in its document's graph: its label and
//! aliases normalised, and for persons a transliteration key (Zelenskiy and Zelensky
//! meet). These keys are the persistent alias index: a new document's entities are
//! looked up by them, and they disappear with the document that made them. A user
//! alias table (TSV: alias, canonical label, type, optional Wikidata id) forces merges
//! and splits; it lives in its own graph and overrides the automatic decision.
//!
//! A shared key is evidence, conflicting names are stronger evidence: a person never
//! joins a node whose name gives another given name of the same surname (nor, named in
//! full, a node named by a surname alone, which would gather everyone of the name), nor an
//! organisation one whose name is its own with qualifying words added or removed
//! ("Christian Democratic Party", "Democratic Party"); a surname alone joins a person only
//! when one known person has it, or one is named in far more documents than the others.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use kg_model::names::normalize_label;
use kg_model::{Document, Entity, EntityType, Predicate};
use oxigraph::model::{GraphName, GraphNameRef, Literal, Quad, Term};

use crate::error::{GraphError, Result};
use crate::name_index::NameIndex;
use crate::query::select_rows;
use crate::resolution::{
    city_named_after, given_names_conflict, identity, lone_word, name_keys, person_key, qualifier_differs, same_surname, surname_dominates,
    Resolution, Resolved, SURNAME_CONFIDENCE,
};
use crate::store::KnowledgeGraph;
use crate::vocab::{document_iri, entity_iri, is_entity_of_kind, kg, node, type_of_entity_iri, ALIASES_GRAPH};

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
    // The states the document's organisations are part of ("the Senate" of one country is
    // not the Senate of another), and those of the organisation nodes found by key.
    let mut own_places: HashMap<&str, Vec<(String, &str)>> = HashMap::new();
    for r in doc.relations.iter().filter(|r| r.predicate == Predicate::PartOf && r.modality.is_none()) {
        // `out` is still the identity resolution here: the place's own IRI.
        let place = r.object.as_deref().and_then(|o| Some((out.get(o)?, doc.entity(o)?)));
        // States and places only: "partOf" an organisation (a party, a ministry) says nothing
        // of which country's body it is.
        if let Some((resolved, entity)) =
            place.filter(|(_, x)| matches!(x.entity_type, EntityType::Country | EntityType::Location | EntityType::City))
        {
            own_places.entry(r.subject.as_str()).or_default().push((resolved.iri.as_str().to_string(), entity.label.as_str()));
        }
    }
    // "the Puerto Rico Senate", part of Puerto Rico, labelled "Senate" by the extractor: the
    // node is the one the state's name qualifies, whatever other documents call "Senate".
    let entities: Vec<Cow<Entity>> = doc.entities.iter().map(|e| named_with_state(e, own_places.get(e.id.as_str()))).collect();
    for e in entities.iter().filter_map(|e| match e {
        Cow::Owned(e) => Some(e),
        Cow::Borrowed(_) => None,
    }) {
        out.insert(e.id.clone(), Resolved::own_node(e, "state"));
    }
    let all: BTreeSet<String> = entities.iter().flat_map(|e| name_keys(e).into_iter().chain(lone_word(e))).collect();
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
    let is_org = |iri: &str| is_entity_of_kind(iri, EntityType::Organization);
    let mut node_places: HashMap<String, BTreeSet<String>> = HashMap::new();
    if !own_places.is_empty() {
        for (iri, _, _) in by_key.values().flatten() {
            if is_org(iri) && !node_places.contains_key(iri) {
                let places = index.places(store, iri, &this_doc)?.keys().filter(|p| !is_org(p)).cloned().collect();
                node_places.insert(iri.clone(), places);
            }
        }
    }
    for e in entities.iter().map(Cow::as_ref) {
        let keys = name_keys(e);
        let label_key = normalize_label(&e.label);
        let places = own_places.get(e.id.as_str()).map(Vec::as_slice).unwrap_or_default();
        // Part of one state, while the node is part of others only.
        let places_conflict = |iri: &str| {
            node_places
                .get(iri)
                .is_some_and(|theirs| !places.is_empty() && !theirs.is_empty() && places.iter().all(|(p, _)| !theirs.contains(p)))
        };
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
        // Nodes of the entity's kind only. Cities and regions are one kind, whichever of
        // the two one article guessed ("Florida" typed a city here, a region in most
        // articles; `revise` gives the node the majority's type); countries come from the
        // gazetteer and stay apart.
        // A shared name is no evidence against conflicting names: two given names of one
        // surname are two people, a qualified organisation name another organisation.
        // A full name joins only a node with a full name of the same surname: a node named
        // by a surname alone may stand for anyone of the name and would gather them all,
        // and a shared alias ("Jacobs") does not make "Joseph Jacobs" the node of a
        // company-like name ("Jacobs Engineering").
        let full_name = e.label.split_whitespace().nth(1).is_some();
        let compatible = |iri: &str, label: &str| match e.entity_type {
            EntityType::Person => !given_names_conflict(&e.label, label) && (!full_name || same_surname(&e.label, label)),
            EntityType::Organization => !qualifier_differs(&e.label, label) && !places_conflict(iri),
            EntityType::City | EntityType::Location => !city_named_after(&e.label, label),
            _ => true,
        };
        let candidates = |key: &str| -> Vec<(String, String, usize)> {
            by_key
                .get(key)
                .map(|v| {
                    v.iter().filter(|(iri, label, _)| is_entity_of_kind(iri, e.entity_type) && compatible(iri, label)).cloned().collect()
                })
                .unwrap_or_default()
        };
        // A person named by one word ("Kessler") that several known people share joins
        // the one the corpus names far more often, or none.
        let lone_person = e.entity_type == EntityType::Person && !e.label.trim().contains(' ');
        let best = |mut c: Vec<(String, String, usize)>| {
            c.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
            c.dedup_by(|a, b| a.0 == b.0);
            if lone_person && c.len() > 1 && !surname_dominates(c[0].2, c[1].2) {
                return None;
            }
            c.into_iter().next()
        };
        let exact = best(candidates(&label_key)).map(|c| (c, 1.0, "label"));
        let alias =
            || best(keys.iter().filter(|k| !k.starts_with(['~', '@'])).flat_map(|k| candidates(k)).collect()).map(|c| (c, 0.9, "alias"));
        let variant =
            || best(keys.iter().filter(|k| k.starts_with('~')).flat_map(|k| candidates(k)).collect()).map(|c| (c, 0.85, "variant"));
        if let Some(((iri, label, _), confidence, method)) = exact.or_else(alias).or_else(variant) {
            // "Kessler" joining "Harold Kessler" by a key some document gave him is a
            // surname merge, whichever key found it: recorded, and revised when other
            // people of the surname appear.
            let (confidence, method) =
                if lone_person && normalize_label(&label) != label_key { (SURNAME_CONFIDENCE, "surname") } else { (confidence, method) };
            let wikidata = e.wikidata.clone();
            let entity_type = type_of_entity_iri(&iri).unwrap_or(e.entity_type);
            out.insert(e.id.clone(), Resolved { iri: node(iri), label, entity_type, confidence, method, wikidata });
            continue;
        }
        // The node of this very label belongs to another state: a node of its own, named
        // with its state ("Puerto Rico Senate", or "Senate (Puerto Rico)").
        let own_iri = entity_iri(e.entity_type, &e.label);
        if e.entity_type == EntityType::Organization && places_conflict(own_iri.as_str()) {
            let qualified = e
                .aliases
                .iter()
                .filter(|a| qualifier_differs(a, &e.label) && normalize_label(a).ends_with(&label_key))
                .max_by_key(|a| a.len());
            let label = qualified.cloned().unwrap_or_else(|| format!("{} ({})", e.label, places[0].1));
            let r = Resolved {
                iri: entity_iri(e.entity_type, &label),
                label,
                entity_type: e.entity_type,
                confidence: 1.0,
                method: "state",
                wikidata: e.wikidata.clone(),
            };
            out.insert(e.id.clone(), r);
            continue;
        }
        // "Zelensky" alone, when exactly one known person has that surname.
        if let Some(key) = lone_word(e) {
            let mut people: Vec<&(String, String, usize)> =
                by_key.get(&key).map(|v| v.iter().filter(|c| is_entity_of_kind(&c.0, EntityType::Person)).collect()).unwrap_or_default();
            people.dedup_by(|a, b| a.0 == b.0);
            if let [(iri, label, _)] = people.as_slice() {
                let r = Resolved {
                    iri: node(iri.clone()),
                    label: label.clone(),
                    entity_type: EntityType::Person,
                    confidence: SURNAME_CONFIDENCE,
                    method: "surname",
                    wikidata: e.wikidata.clone(),
                };
                out.insert(e.id.clone(), r);
            }
        }
    }
    Ok(out)
}

/// The entity as the node sees it when one of its names is its label qualified by the name
/// of a place the document makes it part of ("Puerto Rico Senate" for "Senate", part of
/// Puerto Rico): that name is the label, and the bare label no name of it.
fn named_with_state<'a>(e: &'a Entity, places: Option<&Vec<(String, &str)>>) -> Cow<'a, Entity> {
    let bare = normalize_label(&e.label);
    let qualified = places.into_iter().flatten().find_map(|(_, place)| {
        let wanted = format!("{} {bare}", normalize_label(place));
        e.aliases.iter().find(|a| normalize_label(a) == wanted)
    });
    match qualified {
        Some(q) if e.entity_type == EntityType::Organization => Cow::Owned(Entity {
            label: q.clone(),
            aliases: e.aliases.iter().filter(|a| *a != q && normalize_label(a) != bare).cloned().collect(),
            ..e.clone()
        }),
        _ => Cow::Borrowed(e),
    }
}

/// What loading a user alias table did: its rows, and the name keys whose canonical entity
/// it changed (added, removed or pointed elsewhere) against the table stored before.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AliasTableChange {
    /// Rows read.
    pub rows: usize,
    /// Name keys that now resolve otherwise.
    pub changed_keys: BTreeSet<String>,
}

/// The stored documents that name an alias a table changed and have not been resolved
/// again since (kept in the alias graph, so that a run killed or given other inputs
/// leaves them waiting).
pub fn pending_documents(store: &KnowledgeGraph) -> Result<BTreeSet<String>> {
    let graph = node(ALIASES_GRAPH);
    let mut ids = BTreeSet::new();
    for q in
        store.store().quads_for_pattern(None, Some(kg("pendingDocument").as_ref()), None, Some(GraphNameRef::NamedNode(graph.as_ref())))
    {
        if let Term::Literal(l) = q?.object {
            ids.insert(l.value().to_string());
        }
    }
    Ok(ids)
}

fn pending_quads(ids: &BTreeSet<String>) -> Vec<Quad> {
    let graph = GraphName::NamedNode(node(ALIASES_GRAPH));
    ids.iter().map(|id| Quad::new(node(ALIASES_GRAPH), kg("pendingDocument"), Literal::new_simple_literal(id), graph.clone())).collect()
}

/// Records which documents still wait to be resolved with the alias table.
pub fn set_pending_documents(store: &KnowledgeGraph, ids: &BTreeSet<String>) -> Result<()> {
    let graph = node(ALIASES_GRAPH);
    let mut quads: Vec<Quad> = store
        .store()
        .quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph.as_ref())))
        .filter(|q| q.as_ref().map_or(true, |q| q.predicate != kg("pendingDocument")))
        .collect::<std::result::Result<_, _>>()?;
    quads.extend(pending_quads(ids));
    store.replace_named_graph(ALIASES_GRAPH, &quads).map(|_| ())
}

/// Loads a user alias table (TSV: alias, canonical label, type, optional Wikidata id;
/// `#` comments) into the alias graph, replacing the previous table. Returns the rows and
/// the name keys it changed; the stored documents that name them are added to those
/// waiting to be resolved again ([`pending_documents`]).
pub fn load_alias_table(store: &KnowledgeGraph, path: &Path) -> Result<AliasTableChange> {
    let before = UserAliases::read(store)?;
    let mut pending = pending_documents(store)?;
    let text = std::fs::read_to_string(path).map_err(|e| GraphError::Invalid(format!("{}: {e}", path.display())))?;
    let graph = GraphName::NamedNode(node(ALIASES_GRAPH));
    let mut quads = Vec::new();
    let mut after: HashMap<String, (String, EntityType, Option<String>)> = HashMap::new();
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
        let wikidata = cols.get(3).filter(|w| !w.is_empty()).map(|w| w.to_string());
        for k in keys {
            quads.push(Quad::new(row.clone(), kg("aliasKey"), Literal::new_simple_literal(&k), graph.clone()));
            after.insert(k, (cols[1].to_string(), ty, wikidata.clone()));
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
    let changed_keys: BTreeSet<String> =
        before.0.keys().chain(after.keys()).filter(|k| before.0.get(*k) != after.get(*k)).cloned().collect();
    pending.extend(documents_naming(store, &changed_keys)?);
    quads.extend(pending_quads(&pending));
    // The table and the documents it sends back to resolution, in one transaction.
    store.replace_named_graph(ALIASES_GRAPH, &quads)?;
    Ok(AliasTableChange { rows, changed_keys })
}

/// The ids of the stored documents that give some entity one of `keys` as a name key.
pub fn documents_naming(store: &KnowledgeGraph, keys: &BTreeSet<String>) -> Result<BTreeSet<String>> {
    let name_key = kg("nameKey");
    let mut graphs = BTreeSet::new();
    for key in keys {
        let literal = Literal::new_simple_literal(key);
        for q in store.store().quads_for_pattern(None, Some(name_key.as_ref()), Some(literal.as_ref().into()), None) {
            if let GraphName::NamedNode(g) = q?.graph_name {
                graphs.insert(g.into_string());
            }
        }
    }
    let mut ids = BTreeSet::new();
    for g in graphs {
        let segment = g.strip_prefix(crate::vocab::DOC).unwrap_or(&g);
        if let Some((id, _)) = crate::entities::document_heading(store, segment)? {
            ids.insert(id);
        }
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use kg_model::{Document, Entity, EntityType, Span};

    use crate::{DocumentMeta, KnowledgeGraph};

    fn one_entity(id: &str, label: &str, entity_type: EntityType) -> Document {
        let entity = Entity {
            id: "e1".into(),
            label: label.into(),
            entity_type,
            aliases: Vec::new(),
            mentions: vec![Span { start: 0, end: label.chars().count() }],
            wikidata: None,
        };
        Document { id: id.into(), published: None, title: None, entities: vec![entity], relations: Vec::new() }
    }

    fn typed_nodes(kg: &KnowledgeGraph, label: &str) -> Vec<String> {
        let rows =
            crate::query::select_rows(kg, &format!("SELECT DISTINCT ?n WHERE {{ ?n rdfs:label \"{label}\" }} ORDER BY ?n")).expect("query");
        rows.iter().filter_map(|r| r[0].as_ref().map(|t| t.to_string())).collect()
    }

    #[test]
    fn a_city_or_region_guess_joins_the_one_place_of_the_name() {
        let kg = KnowledgeGraph::in_memory().expect("store");
        let meta = DocumentMeta::default();
        for (id, t) in [("a", EntityType::Location), ("b", EntityType::Location), ("c", EntityType::City)] {
            kg.put_document(&one_entity(id, "Avonshire", t), &meta).expect("put");
        }
        assert_eq!(typed_nodes(&kg, "Avonshire"), vec!["<https://w3id.org/newskg/entity/place/avonshire>"]);
        // A country of that name stays apart: the gazetteer decides countries.
        kg.put_document(&one_entity("d", "Avonshire", EntityType::Country), &meta).expect("put");
        assert_eq!(typed_nodes(&kg, "Avonshire").len(), 2);
    }

    #[test]
    fn a_state_does_not_join_the_city_named_after_it() {
        let kg = KnowledgeGraph::in_memory().expect("store");
        let meta = DocumentMeta::default();
        let mut city = one_entity("a", "Avonshire City", EntityType::City);
        city.entities[0].aliases.push("Avonshire".into());
        kg.put_document(&city, &meta).expect("put");
        kg.put_document(&one_entity("b", "Avonshire", EntityType::Location), &meta).expect("put");
        assert_eq!(typed_nodes(&kg, "Avonshire"), vec!["<https://w3id.org/newskg/entity/place/avonshire>"]);
        assert_eq!(typed_nodes(&kg, "Avonshire City"), vec!["<https://w3id.org/newskg/entity/place/avonshire-city>"]);
    }
}
