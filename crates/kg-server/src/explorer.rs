//! The web explorer: entity search, entity pages (type, aliases, Wikidata link,
//! relations grouped by predicate with their sentences and sources, a neighbourhood
//! diagram), an entity's timeline and a SPARQL box. Server-rendered HTML that works
//! without JavaScript, written with maud, which escapes every value it is given. No
//! files are served from disk, so there is no path to traverse.

use std::collections::{BTreeMap, HashMap};

use kg_graph::entities::{self, EntitySummary};
use kg_graph::query::display_term;
use kg_graph::store_reader::{statements_about, Object};
use kg_graph::vocab::ENTITY;
use kg_model::{EntityType, Predicate};
use maud::{html, Markup, PreEscaped, DOCTYPE};
use oxigraph::model::Term;

use crate::http::{encode_param, Request, Response};
use crate::markup::entity_href;
use crate::svg::{neighbourhood, svg_document, Neighbour, MAX_NEIGHBOURS};
use crate::State;

const STYLE: &str =
    "body{font-family:Helvetica,Arial,sans-serif;margin:0;color:#222}header{background:#263238;color:#fff;padding:10px 20px}\
header a{color:#fff;margin-right:16px;text-decoration:none}main{padding:10px 20px;max-width:1100px}table{border-collapse:collapse}\
td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}th{background:#eceff1}.muted{color:#666;font-size:90%}\
blockquote{margin:4px 0 4px 12px;color:#444;border-left:3px solid #ccc;padding-left:8px}textarea{width:100%;font-family:monospace}\
ul.rel{list-style:none;padding-left:0}ul.rel>li{margin-bottom:8px}";

/// Most statements listed on an entity page (the busiest entities of a large store have
/// tens of thousands).
const MAX_STATEMENTS: usize = 2000;

fn layout(title: &str, body: Markup) -> Response {
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                title { (title) " — newskg" }
                meta name="viewport" content="width=device-width, initial-scale=1";
                style { (PreEscaped(STYLE)) }
            }
            body {
                header {
                    a href="/" { b { "newskg" } }
                    a href="/" { "Search" }
                    a href="/sparql-ui" { "SPARQL" }
                }
                main { (body) }
            }
        }
    };
    Response::new(200, "text/html; charset=utf-8", page.into_string())
        .with_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'")
}

/// Serves an explorer page.
pub fn page(state: &State, req: &Request) -> Response {
    if req.method != "GET" && req.method != "HEAD" {
        return Response::error(405, "the explorer only answers GET");
    }
    let result = match req.path.as_str() {
        "/" => home(state, req),
        "/search" => search(state, req),
        "/entity" => entity(state, req),
        "/timeline" => timeline(state, req),
        "/diagram.svg" => diagram(state, req),
        "/sparql-ui" => sparql_ui(state, req),
        _ => Err(Response::error(404, "not found")),
    };
    result.unwrap_or_else(|r| r)
}

fn search_form(q: &str) -> Markup {
    html! {
        form action="/search" method="get" {
            label { "Find an entity " input type="search" name="q" id="q" value=(q) autofocus; }
            " "
            button type="submit" id="search" { "Search" }
        }
    }
}

fn type_name(t: Option<EntityType>) -> &'static str {
    t.map(|t| t.as_str()).unwrap_or("")
}

fn entity_list(list: &[EntitySummary]) -> Markup {
    html! {
        table id="results" {
            tr { th { "Entity" } th { "Type" } th { "Documents" } }
            @for e in list {
                tr {
                    td { a href=(entity_href(&e.iri)) { (e.label) } }
                    td { (type_name(e.entity_type)) }
                    td { (e.documents) }
                }
            }
        }
    }
}

fn lookup<T>(r: kg_graph::Result<T>) -> Result<T, Response> {
    r.map_err(|e| Response::error(500, &e.to_string()))
}

fn home(state: &State, _req: &Request) -> Result<Response, Response> {
    let top = lookup(entities::search(&state.kg, "", None, 25))?;
    let docs =
        kg_graph::query::count(&state.kg, "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH ?d { ?d a schema:NewsArticle } }").unwrap_or(0);
    Ok(layout(
        "Search",
        html! {
            h1 { "Knowledge graph" }
            p.muted { (docs) " documents." }
            (search_form(""))
            h2 { "Most mentioned" }
            (entity_list(&top))
        },
    ))
}

fn search(state: &State, req: &Request) -> Result<Response, Response> {
    let q = req.param("q").unwrap_or("").trim().to_string();
    if q.is_empty() {
        return home(state, req);
    }
    let found = lookup(entities::search(&state.kg, &q, None, 100))?;
    let body = html! {
        h1 { "Entities matching “" (q) "”" }
        (search_form(&q))
        p.muted { (found.len()) " found." }
        (entity_list(&found))
    };
    Ok(layout(&format!("Search {q}"), body))
}

fn iri_param(req: &Request) -> Result<String, Response> {
    let iri = req.param("iri").ok_or_else(|| Response::error(400, "give ?iri=ENTITY"))?;
    oxigraph::model::NamedNode::new(iri).map(|n| n.into_string()).map_err(|_| Response::error(400, "not an IRI"))
}

/// A statement as an entity page shows it: from the entity's side, with the names of the
/// other end and of the source.
struct Statement {
    predicate: Predicate,
    outgoing: bool,
    /// The other end: an entity IRI, or the text of a quotation or title.
    other: Object,
    other_label: String,
    other_type: Option<EntityType>,
    sentence: String,
    document: String,
    title: Option<String>,
    date: String,
}

/// The statements about `iri` (from [`statements_about`], the store's one reader of an
/// entity's relations), sorted by predicate, direction, other end and date.
fn statements(state: &State, iri: &str) -> Result<Vec<Statement>, Response> {
    let mut names: HashMap<String, (String, Option<EntityType>)> = HashMap::new();
    let mut headings: HashMap<String, (String, Option<String>)> = HashMap::new();
    let mut out = Vec::new();
    for s in lookup(statements_about(&state.kg, iri))? {
        let outgoing = s.subject == iri;
        let other = if outgoing { s.object } else { Object::Entity(s.subject) };
        let (other_label, other_type) = match &other {
            Object::Entity(e) => {
                if !names.contains_key(e) {
                    let found = lookup(entities::label_and_type(&state.kg, e))?;
                    names.insert(e.clone(), found.unwrap_or_else(|| (e.clone(), None)));
                }
                names[e].clone()
            }
            Object::Text(t) => (t.clone(), None),
        };
        let document = s.evidence.document;
        if !headings.contains_key(&document) {
            let found = lookup(entities::document_heading(&state.kg, &document))?;
            headings.insert(document.clone(), found.unwrap_or_else(|| (document.clone(), None)));
        }
        let (document_id, title) = headings[&document].clone();
        out.push(Statement {
            predicate: s.predicate,
            outgoing,
            other,
            other_label,
            other_type,
            sentence: s.evidence.sentence,
            document: document_id,
            title,
            date: s.evidence.date.unwrap_or_default(),
        });
    }
    out.sort_by(|a, b| {
        (a.predicate, !a.outgoing, &a.other_label, &a.date, &a.document, &a.sentence).cmp(&(
            b.predicate,
            !b.outgoing,
            &b.other_label,
            &b.date,
            &b.document,
            &b.sentence,
        ))
    });
    out.truncate(MAX_STATEMENTS);
    Ok(out)
}

/// The neighbours of the diagram, most relations first.
fn neighbours(stmts: &[Statement]) -> Vec<Neighbour> {
    let mut by_iri: BTreeMap<&str, Neighbour> = BTreeMap::new();
    for s in stmts {
        let Object::Entity(other) = &s.other else { continue };
        let n = by_iri.entry(other).or_insert_with(|| Neighbour {
            iri: other.clone(),
            label: s.other_label.clone(),
            entity_type: s.other_type,
            relations: Vec::new(),
        });
        if !n.relations.contains(&(s.predicate, s.outgoing)) {
            n.relations.push((s.predicate, s.outgoing));
        }
    }
    let mut list: Vec<Neighbour> = by_iri.into_values().collect();
    list.sort_by(|a, b| b.relations.len().cmp(&a.relations.len()).then(a.label.cmp(&b.label)));
    list
}

/// One entity's summary, statements and diagram neighbours.
struct EntityView {
    info: EntitySummary,
    statements: Vec<Statement>,
    neighbours: Vec<Neighbour>,
}

fn entity_view(state: &State, req: &Request) -> Result<EntityView, Response> {
    let iri = iri_param(req)?;
    let info = lookup(entities::summary(&state.kg, &iri))?.ok_or_else(|| Response::error(404, "no such entity"))?;
    let statements = statements(state, &iri)?;
    let neighbours = neighbours(&statements);
    Ok(EntityView { info, statements, neighbours })
}

/// Statements by their other end (label, then the end itself), each with its evidence.
type ByOther<'a> = BTreeMap<(&'a str, &'a Object), Vec<&'a Statement>>;

fn relation_groups(label: &str, stmts: &[Statement]) -> Markup {
    let mut groups: BTreeMap<(Predicate, bool), ByOther> = BTreeMap::new();
    for s in stmts {
        groups.entry((s.predicate, !s.outgoing)).or_default().entry((s.other_label.as_str(), &s.other)).or_default().push(s);
    }
    html! {
        @for ((predicate, incoming), by_other) in &groups {
            h3.predicate {
                @if *incoming { "… " (predicate.name()) " " (label) } @else { (label) " " (predicate.name()) " …" }
            }
            ul.rel {
                @for ((other_label, other), evidence) in by_other {
                    li.relation {
                        @match other {
                            Object::Entity(iri) => a href=(entity_href(iri)) { (other_label) },
                            Object::Text(_) => { "“" (other_label) "”" }
                        }
                        @for e in evidence {
                            blockquote.sentence {
                                (e.sentence) br;
                                span.muted {
                                    @if let Some(title) = &e.title { (title) " (" (e.document) ")" } @else { (e.document) }
                                    " " (e.date)
                                }
                            }
                        }
                    }
                }
            }
        }
        @if groups.is_empty() {
            p.muted { "No relations." }
        }
    }
}

fn entity(state: &State, req: &Request) -> Result<Response, Response> {
    let EntityView { info, statements, neighbours } = entity_view(state, req)?;
    let body = html! {
        h1 id="entity-label" { (info.label) }
        p {
            span id="entity-type" { (info.entity_type.map(|t| t.as_str()).unwrap_or("Entity")) }
            " · mentioned in " (info.documents) " document(s)"
            @if let Some(wikidata) = &info.wikidata {
                " · " a href=(wikidata) rel="external" { "Wikidata" }
            }
            " · " a href={ "/timeline?iri=" (encode_param(&info.iri)) } { "timeline" }
        }
        @if !info.aliases.is_empty() {
            p { "Also: " (info.aliases.join(" · ")) }
        }
        p.muted { code { (info.iri) } }
        h2 { "Neighbourhood" }
        figure id="diagram" { (neighbourhood(&info.label, info.entity_type, &neighbours)) }
        @if neighbours.len() > MAX_NEIGHBOURS {
            p.muted { (neighbours.len() - MAX_NEIGHBOURS) " more neighbours are listed below." }
        }
        h2 { "Relations" }
        (relation_groups(&info.label, &statements))
    };
    Ok(layout(&info.label, body))
}

fn timeline(state: &State, req: &Request) -> Result<Response, Response> {
    let iri = iri_param(req)?;
    let (label, _) = lookup(entities::label_and_type(&state.kg, &iri))?.ok_or_else(|| Response::error(404, "no such entity"))?;
    let mut events: Vec<Statement> = statements(state, &iri)?.into_iter().filter(|s| s.predicate.is_event()).collect();
    events.sort_by(|a, b| a.date.cmp(&b.date).then(a.predicate.cmp(&b.predicate)));
    let body = html! {
        h1 { "Timeline of " a href=(entity_href(&iri)) { (label) } }
        table id="timeline" {
            tr { th { "Date" } th { "Event" } th { "Sentence" } th { "Source" } }
            @for e in &events {
                tr {
                    td { (e.date) }
                    td {
                        @if e.outgoing { (label) " " (e.predicate.name()) " " (e.other_label) }
                        @else { (e.other_label) " " (e.predicate.name()) " " (label) }
                    }
                    td { (e.sentence) }
                    td { (e.document) }
                }
            }
        }
    };
    Ok(layout(&format!("Timeline of {label}"), body))
}

fn diagram(state: &State, req: &Request) -> Result<Response, Response> {
    let EntityView { info, neighbours, .. } = entity_view(state, req)?;
    let svg = svg_document(neighbourhood(&info.label, info.entity_type, &neighbours));
    Ok(Response::new(200, "image/svg+xml", svg))
}

const EXAMPLE: &str = "SELECT ?subject ?predicate ?object WHERE {\n  ?s ?predicate ?o .\n  ?s rdfs:label ?subject . ?o rdfs:label ?object .\n  FILTER(STRSTARTS(STR(?predicate), STR(kg:)))\n} LIMIT 20";

fn sparql_ui(state: &State, req: &Request) -> Result<Response, Response> {
    let query = req.param("query").unwrap_or(EXAMPLE).to_string();
    let results = req.param("query").map(|_| {
        let (kg, cap, q) = (state.kg.clone(), state.limits.max_results, query.clone());
        let response = crate::limits::with_deadline(state, move |token| {
            Response::new(200, "text/html", results_html(&kg, &q, cap, &token).into_string())
        });
        // The results are markup made by `results_html`, or the deadline's plain message.
        let text = String::from_utf8_lossy(&response.body).into_owned();
        if response.status == 200 {
            PreEscaped(text)
        } else {
            html! { p id="error" role="alert" { (text) } }
        }
    });
    let body = html! {
        h1 { "SPARQL" }
        form action="/sparql-ui" method="get" {
            textarea name="query" id="query" rows="10" { (query) }
            p {
                button type="submit" id="run" { "Run" }
                " "
                span.muted {
                    "Prefixes kg:, person:, country:, organization:, doc:, schema:, rdfs:, skos: … are predeclared. Tools can use the endpoint at "
                    code { "/sparql" } "."
                }
            }
        }
        @if let Some(results) = results { (results) }
    };
    Ok(layout("SPARQL", body))
}

/// A result cell: entities link to their pages.
fn result_cell(term: Option<&Term>) -> Markup {
    html! {
        @match term {
            Some(Term::NamedNode(node)) if node.as_str().starts_with(ENTITY) => {
                a href=(entity_href(node.as_str())) { (display_term(&Term::NamedNode(node.clone()))) }
            }
            Some(t) => (display_term(t)),
            None => "",
        }
    }
}

/// The HTML of a query's results (or its error).
fn results_html(kg: &kg_graph::KnowledgeGraph, query: &str, cap: usize, token: &oxigraph::sparql::CancellationToken) -> Markup {
    let outcome = kg_graph::query::prepare_with(query, Some(token.clone())).map(|mut p| {
        p.dataset_mut().set_default_graph_as_union();
        p
    });
    match outcome.map_err(|e| e.to_string()).and_then(|p| p.on_store(kg.store()).execute().map_err(|e| e.to_string())) {
        Err(e) => html! { p id="error" role="alert" { (if token.is_cancelled() { "query timed out" } else { &e }) } },
        Ok(oxigraph::sparql::QueryResults::Boolean(b)) => html! { p id="answer" { (b) } },
        Ok(oxigraph::sparql::QueryResults::Solutions(solutions)) => {
            let vars: Vec<_> = solutions.variables().to_vec();
            let rows: Vec<_> = solutions.take(cap).map_while(Result::ok).collect();
            html! {
                table id="results" {
                    tr { @for v in &vars { th { (v.as_str()) } } }
                    @for s in &rows {
                        tr { @for v in &vars { td { (result_cell(s.get(v))) } } }
                    }
                }
            }
        }
        Ok(oxigraph::sparql::QueryResults::Graph(triples)) => html! {
            pre id="graph" {
                @for t in triples.take(cap).flatten() { (t.to_string()) " .\n" }
            }
        },
    }
}
