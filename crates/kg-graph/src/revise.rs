//! Revising what earlier documents decided, once later documents (or removals) change the
//! evidence: a node's type follows the majority of the documents that name it, and a
//! surname merge that several known people now make ambiguous is split.
//!
//! Both repairs read only the store, so they are idempotent and survive a killed ingest:
//! whatever a run did not revise, the next one does. Each pass of splits, and the type
//! repair, is written in one transaction; splits repeat until none is left, as one split
//! can take the ground from another surname merge of the node it leaves.
//!
//! - **Types.** Cities and other places share one IRI kind (`place:`), so the node does not
//!   change with one article's guess; each document records its guess
//!   (`kg:typeInDocument`), and every document's `rdf:type` of the node is set to the
//!   class most documents gave it (a tie makes it a `schema:Place`, the broader class).
//! - **Surnames.** "Kessler" alone joins "Olaf Kessler" when he is the one known person of
//!   that surname (`kg:Resolution` with method `surname`). When other documents later name
//!   another Kessler, that merge loses its ground (unless Olaf is named in several times
//!   more documents than every other Kessler, as resolution itself decides): the
//!   document's facts move to a node of the surname alone, as if the document had been
//!   resolved now.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use kg_model::names::{name_key, normalize_label};
use kg_model::EntityType;
use oxigraph::model::{GraphName, GraphNameRef, Literal, NamedNode, NamedOrBlankNode, Quad, Term};

use crate::error::Result;
use crate::resolution::surname_dominates;
use crate::store::KnowledgeGraph;
use crate::vocab::{class_of, entity_iri, is_entity_of_kind, kg, rdf, rdfs, skos};

/// What one revision changed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Revision {
    /// Nodes whose type changed, with the old classes and the new one.
    pub retyped: Vec<Retyped>,
    /// Surname merges undone.
    pub splits: Vec<Split>,
}

impl Revision {
    /// True when nothing changed.
    pub fn is_empty(&self) -> bool {
        self.retyped.is_empty() && self.splits.is_empty()
    }
}

/// A node whose `rdf:type` now follows the majority of its documents.
#[derive(Debug, Clone, PartialEq)]
pub struct Retyped {
    /// The node.
    pub iri: String,
    /// Its class now.
    pub class: String,
    /// How many documents' graphs changed.
    pub documents: usize,
}

/// A surname merge undone: the document's mention now has a node of its own.
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    /// The document's graph.
    pub document: String,
    /// The name the document used.
    pub name: String,
    /// The node it had joined.
    pub from: String,
    /// The node it has now.
    pub to: String,
}

/// Revises the store (see the module documentation) and says what changed.
pub fn revise(store: &KnowledgeGraph) -> Result<Revision> {
    // A split takes a document's evidence from the node it left, which may leave another
    // surname merge of that node without ground: split until none is left (every pass
    // removes the records it splits, so this ends).
    let mut splits = Vec::new();
    loop {
        let mut change = Change::default();
        let found = surname_splits(store, &mut change)?;
        if found.is_empty() {
            break;
        }
        change.commit(store)?;
        splits.extend(found);
    }
    let mut change = Change::default();
    let retyped = majority_types(store, &mut change)?;
    change.commit(store)?;
    Ok(Revision { retyped, splits })
}

/// The quads one revision pass takes out and puts in.
#[derive(Default)]
struct Change {
    removed: Vec<Quad>,
    inserted: Vec<Quad>,
}

impl Change {
    /// Writes the change in one transaction (nothing when it is empty).
    fn commit(&self, store: &KnowledgeGraph) -> Result<()> {
        if self.removed.is_empty() && self.inserted.is_empty() {
            return Ok(());
        }
        let mut t = store.store().start_transaction()?;
        for q in &self.removed {
            t.remove(q);
        }
        for q in &self.inserted {
            t.insert(q);
        }
        t.commit()?;
        Ok(())
    }
}

/// The surname merges whose surname several known people now share, undone into
/// `removed` and `inserted`.
fn surname_splits(store: &KnowledgeGraph, change: &mut Change) -> Result<Vec<Split>> {
    let method = kg("method");
    let surname = Literal::new_simple_literal("surname");
    let mut splits = Vec::new();
    let records: Vec<Quad> = store
        .store()
        .quads_for_pattern(None, Some(method.as_ref()), Some(surname.as_ref().into()), None)
        .collect::<std::result::Result<_, _>>()?;
    for record in records {
        let GraphName::NamedNode(graph) = &record.graph_name else { continue };
        let record_quads: Vec<Quad> = store
            .store()
            .quads_for_pattern(Some(record.subject.as_ref()), None, None, Some(GraphNameRef::NamedNode(graph.as_ref())))
            .collect::<std::result::Result<_, _>>()?;
        let value = |p: &str| record_quads.iter().find(|q| q.predicate == kg(p)).map(|q| q.object.clone());
        let (Some(Term::Literal(local)), Some(Term::NamedNode(from))) = (value("localLabel"), value("resolvedTo")) else { continue };
        let to = entity_iri(EntityType::Person, local.value());
        if to == from {
            continue;
        }
        // The node of the surname alone is nobody in particular: the documents splits
        // send there are no evidence of another person, or one revision would make the next.
        let mut people = people_with_surname(store, local.value(), graph)?;
        people.remove(to.as_str());
        if people.len() < 2 || surname_owner(&people) == Some(from.as_str()) {
            continue;
        }
        change.removed.extend(record_quads.iter().cloned());
        move_node(store, graph, &from, &to, local.value(), change)?;
        splits.push(Split {
            document: graph.as_str().to_string(),
            name: local.value().to_string(),
            from: from.into_string(),
            to: to.into_string(),
        });
    }
    Ok(splits)
}

/// The person nodes that graphs other than `skip` give the surname key of `surname`, with
/// how many graphs do.
fn people_with_surname(store: &KnowledgeGraph, surname: &str, skip: &NamedNode) -> Result<BTreeMap<String, usize>> {
    let key = Literal::new_simple_literal(format!("@{}", name_key(surname)));
    let mut people = BTreeMap::new();
    for q in store.store().quads_for_pattern(None, Some(kg("nameKey").as_ref()), Some(key.as_ref().into()), None) {
        let q = q?;
        let other_graph = !matches!(&q.graph_name, GraphName::NamedNode(g) if g == skip);
        if let (true, NamedOrBlankNode::NamedNode(n)) = (other_graph, q.subject) {
            if is_entity_of_kind(n.as_str(), EntityType::Person) {
                *people.entry(n.into_string()).or_default() += 1;
            }
        }
    }
    Ok(people)
}

/// The person a surname alone still stands for among those who carry it: the one named
/// in far more documents than any other ([`surname_dominates`], as resolution decides).
fn surname_owner(people: &BTreeMap<String, usize>) -> Option<&str> {
    let mut ranked: Vec<(&String, &usize)> = people.iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(a.1));
    match ranked.as_slice() {
        [(only, _)] => Some(only.as_str()),
        [(first, n), (_, m), ..] if surname_dominates(**n, **m) => Some(first.as_str()),
        _ => None,
    }
}

/// Moves what graph `graph` says of node `from` to node `to`, labelled `label`: the
/// canonical label and its name key go, the document's own name becomes the label.
fn move_node(store: &KnowledgeGraph, graph: &NamedNode, from: &NamedNode, to: &NamedNode, label: &str, change: &mut Change) -> Result<()> {
    let in_graph = GraphNameRef::NamedNode(graph.as_ref());
    let about: Vec<Quad> = store
        .store()
        .quads_for_pattern(Some(from.as_ref().into()), None, None, Some(in_graph))
        .chain(store.store().quads_for_pattern(None, None, Some(from.as_ref().into()), Some(in_graph)))
        .collect::<std::result::Result<_, _>>()?;
    let (label_p, alt_p, key_p) = (rdfs::LABEL.into_owned(), skos::ALT_LABEL.into_owned(), kg("nameKey"));
    let text = |q: &Quad| match &q.object {
        Term::Literal(l) => Some(l.value().to_string()),
        _ => None,
    };
    // The key of the canonical label came with the merge; the document's own keys stay.
    let own_key = normalize_label(label);
    let merged_keys: BTreeSet<String> =
        about.iter().filter(|q| q.predicate == label_p).filter_map(text).map(|l| normalize_label(&l)).filter(|k| *k != own_key).collect();
    let graph_name = GraphName::NamedNode(graph.clone());
    for q in about {
        let value = text(&q);
        let dropped = q.predicate == label_p
            || (q.predicate == alt_p && value.as_deref() == Some(label))
            || (q.predicate == key_p && value.as_ref().is_some_and(|k| merged_keys.contains(k)));
        if !dropped {
            let subject = match &q.subject {
                NamedOrBlankNode::NamedNode(n) if n == from => NamedOrBlankNode::NamedNode(to.clone()),
                s => s.clone(),
            };
            let object = match &q.object {
                Term::NamedNode(n) if n == from => Term::NamedNode(to.clone()),
                o => o.clone(),
            };
            change.inserted.push(Quad::new(subject, q.predicate.clone(), object, graph_name.clone()));
        }
        change.removed.push(q);
    }
    change.inserted.push(Quad::new(to.clone(), label_p, Literal::new_simple_literal(label), graph_name));
    Ok(())
}

/// Sets every document's `rdf:type` of a place node to the class most documents gave it.
fn majority_types(store: &KnowledgeGraph, change: &mut Change) -> Result<Vec<Retyped>> {
    let stated = kg("typeInDocument");
    // node → class → documents
    let mut guesses: HashMap<NamedNode, BTreeMap<NamedNode, usize>> = HashMap::new();
    for q in store.store().quads_for_pattern(None, Some(stated.as_ref()), None, None) {
        let q = q?;
        if let (NamedOrBlankNode::NamedNode(n), Term::NamedNode(class)) = (q.subject, q.object) {
            *guesses.entry(n).or_default().entry(class).or_default() += 1;
        }
    }
    let mut retyped = Vec::new();
    for (node, counts) in guesses {
        let Some(class) = majority(&counts) else { continue };
        let mut documents = 0;
        for q in store.store().quads_for_pattern(Some(node.as_ref().into()), Some(rdf::TYPE), None, None) {
            let q = q?;
            if !matches!(&q.object, Term::NamedNode(c) if *c == class) {
                change.inserted.push(Quad::new(node.clone(), rdf::TYPE, class.clone(), q.graph_name.clone()));
                change.removed.push(q);
                documents += 1;
            }
        }
        if documents > 0 {
            retyped.push(Retyped { iri: node.into_string(), class: class.into_string(), documents });
        }
    }
    retyped.sort_by(|a, b| a.iri.cmp(&b.iri));
    Ok(retyped)
}

/// The class most documents gave a node; a tie makes it a `schema:Place`, the class that
/// holds the others.
fn majority(counts: &BTreeMap<NamedNode, usize>) -> Option<NamedNode> {
    let most = *counts.values().max()?;
    let mut top = counts.iter().filter(|(_, n)| **n == most).map(|(c, _)| c);
    match (top.next(), top.next()) {
        (Some(one), None) => Some(one.clone()),
        _ => Some(class_of(EntityType::Location)),
    }
}

#[cfg(test)]
mod tests {
    use kg_model::{Document, Entity, EntityType, Span};

    use super::revise;
    use crate::query::select_rows;
    use crate::{DocumentMeta, KnowledgeGraph};

    fn document(id: &str, entities: &[(&str, EntityType)]) -> Document {
        let entities = entities
            .iter()
            .enumerate()
            .map(|(n, (label, entity_type))| Entity {
                id: format!("e{n}"),
                label: label.to_string(),
                entity_type: *entity_type,
                aliases: Vec::new(),
                mentions: vec![Span { start: 0, end: label.chars().count() }],
                wikidata: None,
            })
            .collect();
        Document { id: id.into(), published: None, title: None, entities, relations: Vec::new() }
    }

    fn answers(kg: &KnowledgeGraph, query: &str) -> Vec<String> {
        let mut rows: Vec<String> = select_rows(kg, query)
            .expect("query")
            .iter()
            .map(|r| r.iter().map(|t| t.as_ref().map_or("-".into(), |t| t.to_string())).collect::<Vec<_>>().join(" "))
            .collect();
        rows.sort();
        rows
    }

    #[test]
    fn a_place_takes_the_type_most_documents_gave_it_and_keeps_its_iri() {
        let kg = KnowledgeGraph::in_memory().expect("store");
        let meta = DocumentMeta::default();
        let types = "SELECT DISTINCT ?n ?t WHERE { ?n rdfs:label \"Avonshire\" ; a ?t }";
        kg.put_document(&document("a", &[("Avonshire", EntityType::City)]), &meta).expect("put");
        assert_eq!(answers(&kg, types), ["<https://w3id.org/newskg/entity/place/avonshire> <http://schema.org/City>"]);
        kg.put_document(&document("b", &[("Avonshire", EntityType::Location)]), &meta).expect("put");
        // One each: the broader class.
        assert_eq!(answers(&kg, types), ["<https://w3id.org/newskg/entity/place/avonshire> <http://schema.org/Place>"]);
        kg.put_document(&document("c", &[("Avonshire", EntityType::City)]), &meta).expect("put");
        assert_eq!(answers(&kg, types), ["<https://w3id.org/newskg/entity/place/avonshire> <http://schema.org/City>"]);
        // Removing documents changes the majority back.
        assert!(kg.remove_document("c").expect("remove") && kg.remove_document("a").expect("remove"));
        revise(&kg).expect("revise");
        assert_eq!(answers(&kg, types), ["<https://w3id.org/newskg/entity/place/avonshire> <http://schema.org/Place>"]);
        // Nothing left to change.
        assert!(revise(&kg).expect("revise").is_empty());
    }

    #[test]
    fn a_surname_merge_is_split_when_a_second_person_of_the_surname_appears() {
        let kg = KnowledgeGraph::in_memory().expect("store");
        let meta = DocumentMeta::default();
        kg.put_document(&document("a", &[("Olaf Kessler", EntityType::Person)]), &meta).expect("put");
        kg.put_document(&document("b", &[("Kessler", EntityType::Person), ("Avonshire", EntityType::City)]), &meta).expect("put");
        let node_of_b = "SELECT ?n ?l WHERE { GRAPH <https://w3id.org/newskg/doc/b> { ?n a <http://schema.org/Person> ; rdfs:label ?l } }";
        assert_eq!(answers(&kg, node_of_b), ["<https://w3id.org/newskg/entity/person/olaf-kessler> \"Olaf Kessler\""]);
        let mut writer = crate::writer::DocumentWriter::new(&kg).expect("writer");
        writer.put(&document("c", &[("Maria Kessler", EntityType::Person)]), &meta).expect("put");
        let revision = writer.finish().expect("finish");
        assert_eq!(revision.splits.len(), 1, "{revision:?}");
        assert_eq!(revision.splits[0].name, "Kessler");
        assert_eq!(answers(&kg, node_of_b), ["<https://w3id.org/newskg/entity/person/kessler> \"Kessler\""]);
        // Olaf's node keeps document a only, and no record says b joined it.
        let olaf = "SELECT ?d WHERE { <https://w3id.org/newskg/entity/person/olaf-kessler> kg:mentionedIn ?d }";
        assert_eq!(answers(&kg, olaf), ["<https://w3id.org/newskg/doc/a>"]);
        assert!(answers(&kg, "SELECT ?r WHERE { ?r kg:method \"surname\" }").is_empty());
        // The split node does not carry the full name's key: a later "Olaf Kessler" joins Olaf.
        let keys = "SELECT ?k WHERE { <https://w3id.org/newskg/entity/person/kessler> kg:nameKey ?k }";
        assert!(!answers(&kg, keys).iter().any(|k| k.contains("olaf")), "{:?}", answers(&kg, keys));
        kg.put_document(&document("d", &[("Kessler", EntityType::Person)]), &meta).expect("put");
        let kessler = "SELECT ?d WHERE { <https://w3id.org/newskg/entity/person/kessler> kg:mentionedIn ?d }";
        assert_eq!(answers(&kg, kessler), ["<https://w3id.org/newskg/doc/b>", "<https://w3id.org/newskg/doc/d>"]);
        assert!(revise(&kg).expect("revise").is_empty());
    }

    #[test]
    fn splits_repeat_until_no_surname_merge_has_lost_its_ground() {
        let kg = KnowledgeGraph::in_memory().expect("store");
        let meta = DocumentMeta::default();
        for id in ["a", "b"] {
            kg.put_document(&document(id, &[("Olaf Kessler", EntityType::Person)]), &meta).expect("put");
        }
        // "Kessler" (also "Senator Kessler") joins Olaf by surname and gives him the surname
        // key; "KESSLER" (a headline: no surname key of its own) joins him by the name key
        // document c gave him. Olaf's ground for d includes document c, not the other way.
        let mut c = document("c", &[("Kessler", EntityType::Person)]);
        c.entities[0].aliases.push("Senator Kessler".into());
        kg.put_document(&c, &meta).expect("put");
        kg.put_document(&document("d", &[("KESSLER", EntityType::Person)]), &meta).expect("put");
        let olaf = "SELECT ?d WHERE { <https://w3id.org/newskg/entity/person/olaf-kessler> kg:mentionedIn ?d }";
        assert_eq!(answers(&kg, olaf).len(), 4, "{:?}", answers(&kg, olaf));
        let mut writer = crate::writer::DocumentWriter::new(&kg).expect("writer");
        writer.put(&document("e", &[("Maria Kessler", EntityType::Person)]), &meta).expect("put");
        let revision = writer.finish().expect("finish");
        // c loses its ground at once, d once c is gone; one ingest does both.
        assert_eq!(revision.splits.len(), 2, "{revision:?}");
        assert_eq!(answers(&kg, olaf), ["<https://w3id.org/newskg/doc/a>", "<https://w3id.org/newskg/doc/b>"]);
        assert!(revise(&kg).expect("revise").is_empty());
    }

    #[test]
    fn a_surname_merge_stays_with_a_person_named_far_more_often() {
        let kg = KnowledgeGraph::in_memory().expect("store");
        let meta = DocumentMeta::default();
        for id in ["a", "b", "c"] {
            kg.put_document(&document(id, &[("Olaf Kessler", EntityType::Person)]), &meta).expect("put");
        }
        kg.put_document(&document("d", &[("Kessler", EntityType::Person)]), &meta).expect("put");
        kg.put_document(&document("e", &[("Maria Kessler", EntityType::Person)]), &meta).expect("put");
        assert!(revise(&kg).expect("revise").is_empty());
        let node_of_d = "SELECT ?n WHERE { GRAPH <https://w3id.org/newskg/doc/d> { ?n a <http://schema.org/Person> } }";
        assert_eq!(answers(&kg, node_of_d), ["<https://w3id.org/newskg/entity/person/olaf-kessler>"]);
        // A second document of Maria's: Olaf is no longer named three times as often.
        kg.put_document(&document("f", &[("Maria Kessler", EntityType::Person)]), &meta).expect("put");
        assert_eq!(answers(&kg, node_of_d), ["<https://w3id.org/newskg/entity/person/kessler>"]);
    }
}
