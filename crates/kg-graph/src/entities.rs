//! Entity look-ups that stay fast on large stores. An entity's label, type and aliases
//! are repeated in every document graph that mentions it; joining them in one SPARQL
//! pattern over the union of graphs multiplies those copies, so these helpers read the
//! store's indexes directly and aggregate per entity.

use std::collections::{BTreeSet, HashMap};

use kg_model::EntityType;
use oxigraph::model::{GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, Term};

use crate::error::Result;
use crate::query::select_rows;
use crate::store::KnowledgeGraph;
use crate::vocab::{owl, rdf, rdfs, skos, type_of_class, ENTITY};

/// What the explorer and `kg entities` show of an entity.
#[derive(Debug, Clone, PartialEq)]
pub struct EntitySummary {
    /// IRI.
    pub iri: String,
    /// Label.
    pub label: String,
    /// Type.
    pub entity_type: Option<EntityType>,
    /// Other names, sorted.
    pub aliases: Vec<String>,
    /// Documents that mention it.
    pub documents: usize,
    /// Linked Wikidata item, if any.
    pub wikidata: Option<String>,
}

fn objects(kg: &KnowledgeGraph, subject: NamedNodeRef, predicate: &NamedNode) -> Result<Vec<Term>> {
    objects_in(kg, subject, predicate, None)
}

/// The objects of `subject predicate` in one graph, or in every graph when `graph` is None.
fn objects_in(kg: &KnowledgeGraph, subject: NamedNodeRef, predicate: &NamedNode, graph: Option<GraphNameRef>) -> Result<Vec<Term>> {
    let mut out = Vec::new();
    for q in kg.store().quads_for_pattern(Some(subject.into()), Some(predicate.as_ref()), None, graph) {
        out.push(q?.object);
    }
    Ok(out)
}

fn literal(t: &Term) -> Option<String> {
    match t {
        Term::Literal(l) => Some(l.value().to_string()),
        _ => None,
    }
}

/// The label and type of an entity, read from the first copy found.
pub fn label_and_type(kg: &KnowledgeGraph, iri: &str) -> Result<Option<(String, Option<EntityType>)>> {
    let subject = NamedNodeRef::new(iri)?;
    let label = kg
        .store()
        .quads_for_pattern(Some(subject.into()), Some(rdfs::LABEL), None, None)
        .find_map(|q| q.ok().and_then(|q| literal(&q.object)));
    let Some(label) = label else { return Ok(None) };
    let ty = kg
        .store()
        .quads_for_pattern(Some(subject.into()), Some(rdf::TYPE), None, None)
        .find_map(|q| q.ok().and_then(|q| if let Term::NamedNode(n) = q.object { type_of_class(n.as_str()) } else { None }));
    Ok(Some((label, ty)))
}

/// The number of documents that mention an entity.
pub fn document_count(kg: &KnowledgeGraph, iri: &str) -> Result<usize> {
    let documents: BTreeSet<String> =
        objects(kg, NamedNodeRef::new(iri)?, &crate::vocab::kg("mentionedIn"))?.into_iter().map(|t| t.to_string()).collect();
    Ok(documents.len())
}

/// Everything shown about one entity; None when the store does not know it.
pub fn summary(kg: &KnowledgeGraph, iri: &str) -> Result<Option<EntitySummary>> {
    let Some((label, entity_type)) = label_and_type(kg, iri)? else { return Ok(None) };
    let subject = NamedNodeRef::new(iri)?;
    let aliases: BTreeSet<String> =
        objects(kg, subject, &skos::ALT_LABEL.into_owned())?.iter().filter_map(literal).filter(|a| *a != label).collect();
    let wikidata = objects(kg, subject, &owl::SAME_AS.into_owned())?.into_iter().find_map(|t| match t {
        Term::NamedNode(n) if n.as_str().contains("wikidata.org") => Some(n.into_string()),
        _ => None,
    });
    Ok(Some(EntitySummary {
        iri: iri.to_string(),
        label,
        entity_type,
        aliases: aliases.into_iter().collect(),
        documents: document_count(kg, iri)?,
        wikidata,
    }))
}

/// A node as one document names it: its IRI, its label and the document's other names for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentNode {
    /// IRI.
    pub iri: String,
    /// The node's label in the document's graph.
    pub label: String,
    /// The other names the document gives it, sorted.
    pub aliases: Vec<String>,
}

/// The nodes a document mentions (read from its graph alone), in IRI order; empty when
/// the store does not hold the document.
pub fn document_nodes(kg: &KnowledgeGraph, document_id: &str) -> Result<Vec<DocumentNode>> {
    let doc = crate::vocab::document_iri(document_id);
    let graph = GraphNameRef::NamedNode(doc.as_ref());
    let mentioned = crate::vocab::kg("mentionedIn");
    let names_in_graph = |subject: NamedNodeRef, predicate: &NamedNode| -> Result<Vec<String>> {
        Ok(objects_in(kg, subject, predicate, Some(graph))?.iter().filter_map(literal).collect())
    };
    let mut iris: BTreeSet<String> = BTreeSet::new();
    for q in kg.store().quads_for_pattern(None, Some(mentioned.as_ref()), Some(doc.as_ref().into()), Some(graph)) {
        if let NamedOrBlankNode::NamedNode(e) = q?.subject {
            iris.insert(e.into_string());
        }
    }
    let (label_p, alias_p) = (rdfs::LABEL.into_owned(), skos::ALT_LABEL.into_owned());
    let mut out = Vec::with_capacity(iris.len());
    for iri in iris {
        let subject = NamedNodeRef::new(&iri)?;
        let label = names_in_graph(subject, &label_p)?.into_iter().next().unwrap_or_default();
        let aliases: BTreeSet<String> = names_in_graph(subject, &alias_p)?.into_iter().filter(|a| *a != label).collect();
        out.push(DocumentNode { label, aliases: aliases.into_iter().collect(), iri });
    }
    Ok(out)
}

/// The id and headline of a stored document, named as `Evidence::document` names it (the
/// encoded last segment of its IRI); None when the store does not hold it.
pub fn document_heading(kg: &KnowledgeGraph, document: &str) -> Result<Option<(String, Option<String>)>> {
    let doc = NamedNode::new(format!("{}{document}", crate::vocab::DOC))?;
    let graph = Some(GraphNameRef::NamedNode(doc.as_ref()));
    let first =
        |predicate: &NamedNode| -> Result<Option<String>> { Ok(objects_in(kg, doc.as_ref(), predicate, graph)?.iter().find_map(literal)) };
    let Some(id) = first(&crate::vocab::kg("documentId"))? else { return Ok(None) };
    Ok(Some((id, first(&crate::vocab::schema::HEADLINE.into_owned())?)))
}

/// One merge of a document's entity into a node another document made, as recorded by a
/// `kg:Resolution`.
#[derive(Debug, Clone, PartialEq)]
pub struct Merge {
    /// The document.
    pub document: String,
    /// The entity's name in that document.
    pub local_label: String,
    /// How it was joined: `alias`, `variant`, `surname` or `user`.
    pub method: String,
    /// How sure the merge is.
    pub confidence: f64,
}

/// The merges into a node, by document and name (merges under the node's own label need
/// no record and are not listed).
pub fn merges(kg: &KnowledgeGraph, iri: &str) -> Result<Vec<Merge>> {
    let node = NamedNode::new(iri)?;
    let rows = select_rows(
        kg,
        &format!(
            "SELECT ?doc ?local ?method ?confidence WHERE {{ GRAPH ?g {{ ?r a kg:Resolution ; kg:resolvedTo {node} ; \
             kg:localLabel ?local ; kg:method ?method ; kg:confidence ?confidence . ?g kg:documentId ?doc }} }} ORDER BY ?doc ?local"
        ),
    )?;
    let text = |t: &Option<Term>| t.as_ref().and_then(literal).unwrap_or_default();
    Ok(rows
        .iter()
        .map(|r| Merge {
            document: text(&r[0]),
            local_label: text(&r[1]),
            method: text(&r[2]),
            confidence: text(&r[3]).parse().unwrap_or(0.0),
        })
        .collect())
}

/// Number of documents mentioning each entity.
pub fn document_counts(kg: &KnowledgeGraph) -> Result<HashMap<String, usize>> {
    // Entity IRIs are picked out here, not by a FILTER in the query: that would look up
    // the subject's string for every mention (11 s instead of 4 s on 10.7 M quads).
    let rows = select_rows(kg, "SELECT ?e (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH ?g { ?e kg:mentionedIn ?d } } GROUP BY ?e")?;
    Ok(rows
        .into_iter()
        .filter_map(|r| match (&r[0], &r[1]) {
            (Some(Term::NamedNode(e)), Some(Term::Literal(n))) if e.as_str().starts_with(ENTITY) => {
                Some((e.as_str().to_string(), n.value().parse().unwrap_or(0)))
            }
            _ => None,
        })
        .collect())
}

/// Entities whose label or an alias contains `text` (case-insensitive; every entity when
/// empty), of the given type if any, most mentioned first, at most `limit`.
pub fn search(kg: &KnowledgeGraph, text: &str, entity_type: Option<EntityType>, limit: usize) -> Result<Vec<EntitySummary>> {
    let needle = text.to_lowercase();
    let counts = document_counts(kg)?;
    let mut matching: BTreeSet<String> = BTreeSet::new();
    if needle.is_empty() {
        matching.extend(counts.keys().cloned());
    } else {
        for p in [rdfs::LABEL, skos::ALT_LABEL] {
            for q in kg.store().quads_for_pattern(None, Some(p), None, None) {
                let q = q?;
                if let (NamedOrBlankNode::NamedNode(s), Term::Literal(l)) = (&q.subject, &q.object) {
                    if s.as_str().starts_with(ENTITY) && l.value().to_lowercase().contains(&needle) {
                        matching.insert(s.as_str().to_string());
                    }
                }
            }
        }
    }
    let mut ranked: Vec<(usize, String)> = matching.into_iter().filter_map(|iri| counts.get(&iri).map(|n| (*n, iri))).collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut out = Vec::new();
    for (_, iri) in ranked {
        if out.len() == limit {
            break;
        }
        if let Some(s) = summary(kg, &iri)? {
            if entity_type.is_none_or(|t| s.entity_type == Some(t)) {
                out.push(s);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_stores::{extracted, store_of};

    #[test]
    fn finds_and_summarises_entities_across_documents() {
        let kg = store_of(extracted([
            ("a", "Chinese President Xi Jinping met Kenya's leaders.", None),
            ("b", "Xi Jinping praised Kenya.", None),
        ]));
        let found = search(&kg, "xi", None, 10).expect("search");
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].label.as_str(), found[0].documents), ("Xi Jinping", 2));
        assert!(found[0].aliases.contains(&"President Xi Jinping".to_string()));
        let countries = search(&kg, "", Some(EntityType::Country), 10).expect("search");
        assert_eq!(countries.iter().map(|s| s.label.as_str()).collect::<Vec<_>>(), vec!["Kenya", "China"]);
        assert!(summary(&kg, "https://w3id.org/newskg/entity/person/nobody").expect("summary").is_none());
    }

    #[test]
    fn lists_the_nodes_of_one_document_with_its_own_names() {
        let kg = store_of(extracted([
            ("a", "Chinese President Xi Jinping met Kenya's leaders.", None),
            ("b", "Xi Jinping praised Kenya. Xi left.", None),
        ]));
        let nodes = document_nodes(&kg, "b").expect("nodes");
        let xi = nodes.iter().find(|n| n.iri.ends_with("/person/xi-jinping")).expect("Xi's node");
        assert_eq!(xi.label, "Xi Jinping");
        // Only document b's names: "Chinese President Xi Jinping" is document a's.
        assert!(xi.aliases.iter().any(|a| a == "Xi") && !xi.aliases.iter().any(|a| a.starts_with("Chinese")), "{xi:?}");
        assert!(document_nodes(&kg, "missing").expect("nodes").is_empty());
    }
}
