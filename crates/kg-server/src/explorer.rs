//! The web explorer: entity search, entity pages (type, aliases, Wikidata link,
//! relations grouped by predicate with their sentences and sources, a neighbourhood
//! diagram), an entity's timeline and a SPARQL box. Server-rendered HTML that works
//! without JavaScript; every value from the graph is escaped. No files are served from
//! disk, so there is no path to traverse.

use std::collections::BTreeMap;

use kg_graph::entities::{self, EntitySummary};
use kg_graph::query::{display_term, select_rows};
use kg_graph::vocab::{type_of_class, ENTITY};
use oxigraph::model::Term;

use crate::http::{encode_param, Request, Response};
use crate::markup::{entity_href, esc};
use crate::svg::{neighbourhood, Neighbour, MAX_NEIGHBOURS};
use crate::State;

const STYLE: &str =
    "body{font-family:Helvetica,Arial,sans-serif;margin:0;color:#222}header{background:#263238;color:#fff;padding:10px 20px}\
header a{color:#fff;margin-right:16px;text-decoration:none}main{padding:10px 20px;max-width:1100px}table{border-collapse:collapse}\
td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}th{background:#eceff1}.muted{color:#666;font-size:90%}\
blockquote{margin:4px 0 4px 12px;color:#444;border-left:3px solid #ccc;padding-left:8px}textarea{width:100%;font-family:monospace}\
ul.rel{list-style:none;padding-left:0}ul.rel>li{margin-bottom:8px}";

fn layout(title: &str, body: &str) -> Response {
    let html = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{} — newskg</title>\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>{STYLE}</style></head>\
         <body><header><a href=\"/\"><b>newskg</b></a><a href=\"/\">Search</a><a href=\"/sparql-ui\">SPARQL</a></header><main>{body}</main></body></html>",
        esc(title)
    );
    Response::new(200, "text/html; charset=utf-8", html)
        .with_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'")
}

fn text(t: &Option<Term>) -> String {
    match t {
        Some(Term::Literal(l)) => l.value().to_string(),
        Some(Term::NamedNode(n)) => n.as_str().to_string(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

fn rows(state: &State, q: &str) -> Result<Vec<Vec<Option<Term>>>, Response> {
    select_rows(&state.kg, q).map_err(|e| Response::error(500, &e.to_string()))
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

fn search_form(q: &str) -> String {
    format!(
        "<form action=\"/search\" method=\"get\"><label>Find an entity <input type=\"search\" name=\"q\" id=\"q\" value=\"{}\" autofocus></label> \
         <button type=\"submit\" id=\"search\">Search</button></form>",
        esc(q)
    )
}

fn entity_list(list: &[EntitySummary]) -> String {
    let mut html = String::from("<table id=\"results\"><tr><th>Entity</th><th>Type</th><th>Documents</th></tr>");
    for e in list {
        let ty = e.entity_type.map(|t| t.as_str()).unwrap_or("");
        html.push_str(&format!(
            "<tr><td><a href=\"{}\">{}</a></td><td>{ty}</td><td>{}</td></tr>",
            esc(&entity_href(&e.iri)),
            esc(&e.label),
            e.documents
        ));
    }
    html.push_str("</table>");
    html
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
        &format!(
            "<h1>Knowledge graph</h1><p class=\"muted\">{docs} documents.</p>{}<h2>Most mentioned</h2>{}",
            search_form(""),
            entity_list(&top)
        ),
    ))
}

fn search(state: &State, req: &Request) -> Result<Response, Response> {
    let q = req.param("q").unwrap_or("").trim().to_string();
    if q.is_empty() {
        return home(state, req);
    }
    let found = lookup(entities::search(&state.kg, &q, None, 100))?;
    let body = format!(
        "<h1>Entities matching “{}”</h1>{}<p class=\"muted\">{} found.</p>{}",
        esc(&q),
        search_form(&q),
        found.len(),
        entity_list(&found)
    );
    Ok(layout(&format!("Search {q}"), &body))
}

fn iri_param(req: &Request) -> Result<String, Response> {
    let iri = req.param("iri").ok_or_else(|| Response::error(400, "give ?iri=ENTITY"))?;
    oxigraph::model::NamedNode::new(iri).map(|n| n.into_string()).map_err(|_| Response::error(400, "not an IRI"))
}

struct Statement {
    predicate: String,
    outgoing: bool,
    other: String,
    other_label: String,
    other_type: String,
    sentence: String,
    document: String,
    title: String,
    date: String,
}

fn statements(state: &State, iri: &str) -> Result<Vec<Statement>, Response> {
    let q = format!(
        "SELECT DISTINCT ?p ?dir ?other ?sentence ?docid ?title ?date WHERE {{
           {{ ?st rdf:subject <{iri}> ; rdf:predicate ?p ; rdf:object ?other . BIND(\"out\" AS ?dir) }}
           UNION {{ ?st rdf:object <{iri}> ; rdf:predicate ?p ; rdf:subject ?other . BIND(\"in\" AS ?dir) }}
           ?st kg:sentence ?sentence ; kg:document ?doc . ?doc kg:documentId ?docid .
           OPTIONAL {{ ?st kg:date ?d }} OPTIONAL {{ ?doc schema:datePublished ?pub }} BIND(COALESCE(?d, ?pub) AS ?date)
           OPTIONAL {{ ?doc schema:headline ?title }}
         }} ORDER BY ?p ?dir ?other ?date LIMIT 2000"
    );
    let mut names: std::collections::HashMap<String, (String, String)> = std::collections::HashMap::new();
    let mut out = Vec::new();
    for r in rows(state, &q)? {
        let other = text(&r[2]);
        if !names.contains_key(&other) {
            let found = if other.starts_with(ENTITY) { lookup(entities::label_and_type(&state.kg, &other))? } else { None };
            let (label, ty) = match found {
                Some((l, t)) => (l, t.map(|t| kg_graph::vocab::class_of(t).into_string()).unwrap_or_default()),
                None => (other.clone(), String::new()),
            };
            names.insert(other.clone(), (label, ty));
        }
        let (other_label, other_type) = names[&other].clone();
        out.push(Statement {
            predicate: text(&r[0]).rsplit('#').next().unwrap_or("").to_string(),
            outgoing: text(&r[1]) == "out",
            other,
            other_label,
            other_type,
            sentence: text(&r[3]),
            document: text(&r[4]),
            title: text(&r[5]),
            date: text(&r[6]),
        });
    }
    out.sort_by(|a, b| (&a.predicate, !a.outgoing, &a.other_label, &a.date).cmp(&(&b.predicate, !b.outgoing, &b.other_label, &b.date)));
    Ok(out)
}

fn entity(state: &State, req: &Request) -> Result<Response, Response> {
    let iri = iri_param(req)?;
    let info = lookup(entities::summary(&state.kg, &iri))?.ok_or_else(|| Response::error(404, "no such entity"))?;
    let (label, ty, aliases) = (info.label.clone(), info.entity_type, info.aliases.clone());
    let wikidata = info.wikidata.clone().unwrap_or_default();
    let stmts = statements(state, &iri)?;

    // Neighbours for the diagram: most relations first.
    let mut neighbours: BTreeMap<String, Neighbour> = BTreeMap::new();
    for s in stmts.iter().filter(|s| s.other.starts_with(ENTITY)) {
        let n = neighbours.entry(s.other.clone()).or_insert_with(|| Neighbour {
            iri: s.other.clone(),
            label: s.other_label.clone(),
            entity_type: type_of_class(&s.other_type),
            relations: Vec::new(),
        });
        if !n.relations.iter().any(|(p, o)| *p == s.predicate && *o == s.outgoing) {
            n.relations.push((s.predicate.clone(), s.outgoing));
        }
    }
    let mut neighbours: Vec<Neighbour> = neighbours.into_values().collect();
    neighbours.sort_by(|a, b| b.relations.len().cmp(&a.relations.len()).then(a.label.cmp(&b.label)));

    let mut body = format!(
        "<h1 id=\"entity-label\">{}</h1><p><span id=\"entity-type\">{}</span> · mentioned in {} document(s)",
        esc(&label),
        ty.map(|t| t.as_str()).unwrap_or("Entity"),
        info.documents
    );
    if !wikidata.is_empty() {
        body.push_str(&format!(" · <a href=\"{}\" rel=\"external\">Wikidata</a>", esc(&wikidata)));
    }
    body.push_str(&format!(" · <a href=\"/timeline?iri={}\">timeline</a></p>", esc(&encode_param(&iri))));
    if !aliases.is_empty() {
        body.push_str(&format!("<p>Also: {}</p>", aliases.iter().map(|a| esc(a)).collect::<Vec<_>>().join(" · ")));
    }
    body.push_str(&format!("<p class=\"muted\"><code>{}</code></p>", esc(&iri)));
    body.push_str(&format!("<h2>Neighbourhood</h2><figure id=\"diagram\">{}</figure>", neighbourhood(&label, ty, &neighbours)));
    if neighbours.len() > MAX_NEIGHBOURS {
        body.push_str(&format!("<p class=\"muted\">{} more neighbours are listed below.</p>", neighbours.len() - MAX_NEIGHBOURS));
    }
    body.push_str("<h2>Relations</h2>");
    let mut groups: BTreeMap<(String, bool), Vec<&Statement>> = BTreeMap::new();
    for s in &stmts {
        groups.entry((s.predicate.clone(), s.outgoing)).or_default().push(s);
    }
    for ((pred, outgoing), list) in &groups {
        let heading = if *outgoing { format!("{} {pred} …", label) } else { format!("… {pred} {}", label) };
        body.push_str(&format!("<h3 class=\"predicate\">{}</h3><ul class=\"rel\">", esc(&heading)));
        let mut by_other: BTreeMap<(&str, &str), Vec<&&Statement>> = BTreeMap::new();
        for s in list {
            by_other.entry((s.other_label.as_str(), s.other.as_str())).or_default().push(s);
        }
        for ((other_label, other), evidence) in by_other {
            let target = if other.starts_with(ENTITY) {
                format!("<a href=\"{}\">{}</a>", esc(&entity_href(other)), esc(other_label))
            } else {
                format!("“{}”", esc(other_label))
            };
            body.push_str(&format!("<li class=\"relation\">{target}"));
            for e in evidence {
                let source = if e.title.is_empty() { e.document.clone() } else { format!("{} ({})", e.title, e.document) };
                body.push_str(&format!(
                    "<blockquote class=\"sentence\">{}<br><span class=\"muted\">{} {}</span></blockquote>",
                    esc(&e.sentence),
                    esc(&source),
                    esc(&e.date)
                ));
            }
            body.push_str("</li>");
        }
        body.push_str("</ul>");
    }
    if groups.is_empty() {
        body.push_str("<p class=\"muted\">No relations.</p>");
    }
    Ok(layout(&label, &body))
}

fn timeline(state: &State, req: &Request) -> Result<Response, Response> {
    let iri = iri_param(req)?;
    let label = rows(state, &format!("SELECT ?l WHERE {{ <{iri}> rdfs:label ?l }} LIMIT 1"))?
        .first()
        .map(|r| text(&r[0]))
        .ok_or_else(|| Response::error(404, "no such entity"))?;
    let mut events: Vec<Statement> = statements(state, &iri)?
        .into_iter()
        .filter(|s| kg_model::Predicate::from_name(&s.predicate).is_some_and(kg_model::Predicate::is_event))
        .collect();
    events.sort_by(|a, b| a.date.cmp(&b.date).then(a.predicate.cmp(&b.predicate)));
    let mut body = format!("<h1>Timeline of <a href=\"{}\">{}</a></h1><table id=\"timeline\"><tr><th>Date</th><th>Event</th><th>Sentence</th><th>Source</th></tr>", esc(&entity_href(&iri)), esc(&label));
    for e in &events {
        let what = if e.outgoing {
            format!("{} {} {}", label, e.predicate, e.other_label)
        } else {
            format!("{} {} {}", e.other_label, e.predicate, label)
        };
        body.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&e.date),
            esc(&what),
            esc(&e.sentence),
            esc(&e.document)
        ));
    }
    body.push_str("</table>");
    Ok(layout(&format!("Timeline of {label}"), &body))
}

fn diagram(state: &State, req: &Request) -> Result<Response, Response> {
    let page = entity(state, req)?;
    let html = String::from_utf8_lossy(&page.body);
    let svg = html
        .find("<svg")
        .and_then(|a| html.find("</svg>").map(|b| html[a..b + 6].to_string()))
        .ok_or_else(|| Response::error(404, "no diagram"))?;
    Ok(Response::new(200, "image/svg+xml", svg))
}

const EXAMPLE: &str = "SELECT ?subject ?predicate ?object WHERE {\n  ?s ?predicate ?o .\n  ?s rdfs:label ?subject . ?o rdfs:label ?object .\n  FILTER(STRSTARTS(STR(?predicate), STR(kg:)))\n} LIMIT 20";

fn sparql_ui(state: &State, req: &Request) -> Result<Response, Response> {
    let query = req.param("query").unwrap_or(EXAMPLE).to_string();
    let mut body = format!(
        "<h1>SPARQL</h1><form action=\"/sparql-ui\" method=\"get\"><textarea name=\"query\" id=\"query\" rows=\"10\">{}</textarea>\
         <p><button type=\"submit\" id=\"run\">Run</button> <span class=\"muted\">Prefixes kg:, person:, country:, organization:, doc:, schema:, rdfs:, skos: … are predeclared. \
         Tools can use the endpoint at <code>/sparql</code>.</span></p></form>",
        esc(&query)
    );
    if req.param("query").is_some() {
        let (kg, cap, q) = (state.kg.clone(), state.limits.max_results, query.clone());
        let results = crate::limits::with_deadline(state, move |token| Response::new(200, "text/html", results_html(&kg, &q, cap, &token)));
        body.push_str(&String::from_utf8_lossy(&results.body));
    }
    Ok(layout("SPARQL", &body))
}

/// The HTML of a query's results (or its error).
fn results_html(kg: &kg_graph::KnowledgeGraph, query: &str, cap: usize, token: &oxigraph::sparql::CancellationToken) -> String {
    let mut body = String::new();
    let outcome = kg_graph::query::prepare_with(query, Some(token.clone())).map(|mut p| {
        p.dataset_mut().set_default_graph_as_union();
        p
    });
    match outcome.map_err(|e| e.to_string()).and_then(|p| p.on_store(kg.store()).execute().map_err(|e| e.to_string())) {
        Err(e) => {
            body.push_str(&format!("<p id=\"error\" role=\"alert\">{}</p>", esc(if token.is_cancelled() { "query timed out" } else { &e })))
        }
        Ok(oxigraph::sparql::QueryResults::Boolean(b)) => body.push_str(&format!("<p id=\"answer\">{b}</p>")),
        Ok(oxigraph::sparql::QueryResults::Solutions(solutions)) => {
            let vars: Vec<_> = solutions.variables().to_vec();
            body.push_str("<table id=\"results\"><tr>");
            for v in &vars {
                body.push_str(&format!("<th>{}</th>", esc(v.as_str())));
            }
            body.push_str("</tr>");
            for (n, s) in solutions.enumerate() {
                if n == cap {
                    break;
                }
                let Ok(s) = s else { break };
                body.push_str("<tr>");
                for v in &vars {
                    let cell = match s.get(v) {
                        Some(Term::NamedNode(node)) if node.as_str().starts_with(ENTITY) => {
                            format!(
                                "<a href=\"{}\">{}</a>",
                                esc(&entity_href(node.as_str())),
                                esc(&display_term(&Term::NamedNode(node.clone())))
                            )
                        }
                        Some(t) => esc(&display_term(t)),
                        None => String::new(),
                    };
                    body.push_str(&format!("<td>{cell}</td>"));
                }
                body.push_str("</tr>");
            }
            body.push_str("</table>");
        }
        Ok(oxigraph::sparql::QueryResults::Graph(triples)) => {
            body.push_str("<pre id=\"graph\">");
            for t in triples.take(cap).flatten() {
                body.push_str(&esc(&t.to_string()));
                body.push_str(" .\n");
            }
            body.push_str("</pre>");
        }
    }
    body
}
