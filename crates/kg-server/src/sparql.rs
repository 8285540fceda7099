//! The SPARQL 1.1 Protocol: queries by GET, POST form and POST direct; updates (only
//! on a writable server, with the bearer token); result formats by `Accept` or `format=`;
//! the service description.

use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, NamedNode};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};

use crate::http::{accepted, parse_form, Request, Response};
use crate::State;

/// Result formats for SELECT and ASK, by media type and short name.
const RESULT_FORMATS: &[(&str, &str, QueryResultsFormat)] = &[
    ("application/sparql-results+json", "json", QueryResultsFormat::Json),
    ("application/json", "json", QueryResultsFormat::Json),
    ("application/sparql-results+xml", "xml", QueryResultsFormat::Xml),
    ("application/xml", "xml", QueryResultsFormat::Xml),
    ("text/csv", "csv", QueryResultsFormat::Csv),
    ("text/tab-separated-values", "tsv", QueryResultsFormat::Tsv),
];

/// Graph formats for CONSTRUCT, DESCRIBE and the Graph Store Protocol.
pub fn graph_format(media: &str) -> Option<RdfFormat> {
    Some(match media {
        "text/turtle" | "turtle" | "ttl" | "application/x-turtle" => RdfFormat::Turtle,
        "application/n-triples" | "ntriples" | "nt" | "text/plain" => RdfFormat::NTriples,
        "application/ld+json" | "jsonld" | "json-ld" => RdfFormat::JsonLd { profile: JsonLdProfileSet::empty() },
        "application/rdf+xml" | "rdfxml" | "xml" => RdfFormat::RdfXml,
        "application/n-quads" | "nquads" => RdfFormat::NQuads,
        "application/trig" | "trig" => RdfFormat::TriG,
        _ => return None,
    })
}

/// The graph format a request asks for (`format=` or `Accept`), Turtle by default;
/// None when it only accepts formats we do not write.
pub fn negotiate_graph(req: &Request) -> Option<RdfFormat> {
    if let Some(f) = req.param("format") {
        return graph_format(f);
    }
    let wanted = accepted(req.header("accept"));
    if wanted.is_empty() {
        return Some(RdfFormat::Turtle);
    }
    wanted
        .iter()
        .find_map(|m| if matches!(m.as_str(), "*/*" | "text/*" | "application/*") { Some(RdfFormat::Turtle) } else { graph_format(m) })
}

fn negotiate_results(req: &Request) -> Option<QueryResultsFormat> {
    if let Some(f) = req.param("format") {
        return RESULT_FORMATS.iter().find(|(m, short, _)| *short == f || *m == f).map(|x| x.2);
    }
    let wanted = accepted(req.header("accept"));
    if wanted.is_empty() {
        return Some(QueryResultsFormat::Json);
    }
    wanted.iter().find_map(|m| {
        if matches!(m.as_str(), "*/*" | "application/*") {
            return Some(QueryResultsFormat::Json);
        }
        RESULT_FORMATS.iter().find(|(media, _, _)| media == m).map(|x| x.2)
    })
}

fn media_of(format: QueryResultsFormat) -> &'static str {
    match format {
        QueryResultsFormat::Json => "application/sparql-results+json",
        QueryResultsFormat::Xml => "application/sparql-results+xml",
        QueryResultsFormat::Csv => "text/csv; charset=utf-8",
        QueryResultsFormat::Tsv => "text/tab-separated-values; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The `format`'s media type.
pub fn graph_media(format: RdfFormat) -> &'static str {
    match format {
        RdfFormat::Turtle => "text/turtle; charset=utf-8",
        RdfFormat::NTriples => "application/n-triples",
        RdfFormat::RdfXml => "application/rdf+xml",
        RdfFormat::NQuads => "application/n-quads",
        RdfFormat::TriG => "application/trig",
        _ => "application/ld+json",
    }
}

/// What a protocol request asks for: a query or an update, and all its parameters.
struct Operation {
    query: Option<String>,
    update: Option<String>,
    params: Vec<(String, String)>,
}

/// The query or update of a request, from GET or POST.
fn operation(req: &Request) -> Result<Operation, Response> {
    match req.method.as_str() {
        "GET" | "HEAD" => Ok(Operation {
            query: req.param("query").map(str::to_string),
            update: req.param("update").map(str::to_string),
            params: req.query.clone(),
        }),
        "POST" => {
            let body = String::from_utf8(req.body.clone()).map_err(|_| Response::error(400, "the request body is not UTF-8"))?;
            match req.content_type().as_str() {
                "application/x-www-form-urlencoded" => {
                    let form = parse_form(&body);
                    let get = |k: &str| form.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
                    let mut params = req.query.clone();
                    params.extend(form.iter().cloned());
                    Ok(Operation { query: get("query"), update: get("update"), params })
                }
                "application/sparql-query" => Ok(Operation { query: Some(body), update: None, params: req.query.clone() }),
                "application/sparql-update" => Ok(Operation { query: None, update: Some(body), params: req.query.clone() }),
                other => Err(Response::error(
                    415,
                    &format!("unsupported content type {other:?}: use application/sparql-query, application/sparql-update or a form"),
                )),
            }
        }
        _ => Err(Response::error(405, "use GET or POST").with_header("Allow", "GET, POST, HEAD, OPTIONS")),
    }
}

/// Handles `/sparql`.
pub fn endpoint(state: &State, req: &Request) -> Response {
    let Operation { query, update, params } = match operation(req) {
        Ok(op) => op,
        Err(resp) => return resp,
    };
    match (query, update) {
        (Some(q), None) => run_query(state, req, &q, &params),
        (None, Some(u)) => run_update(state, req, &u),
        (Some(_), Some(_)) => Response::error(400, "give a query or an update, not both"),
        (None, None) if req.method == "GET" || req.method == "HEAD" => service_description(state, req),
        (None, None) => Response::error(400, "no query or update in the request"),
    }
}

fn run_query(state: &State, req: &Request, text: &str, params: &[(String, String)]) -> Response {
    let (kg, req, text, params, cap) = (state.kg.clone(), req.clone(), text.to_string(), params.to_vec(), state.limits.max_results);
    crate::limits::with_deadline(state, move |token| evaluate(&kg, &req, &text, &params, cap, token))
}

fn evaluate(
    kg: &kg_graph::KnowledgeGraph,
    req: &Request,
    text: &str,
    params: &[(String, String)],
    cap: usize,
    token: oxigraph::sparql::CancellationToken,
) -> Response {
    let mut prepared = match kg_graph::query::prepare_with(text, Some(token.clone())) {
        Ok(p) => p,
        Err(e) => return Response::error(400, &e.to_string()),
    };
    let defaults: Vec<GraphName> =
        params.iter().filter(|(k, _)| k == "default-graph-uri").filter_map(|(_, v)| NamedNode::new(v).ok().map(GraphName::from)).collect();
    let named: Vec<_> =
        params.iter().filter(|(k, _)| k == "named-graph-uri").filter_map(|(_, v)| NamedNode::new(v).ok().map(Into::into)).collect();
    if !defaults.is_empty() {
        prepared.dataset_mut().set_default_graph(defaults);
    }
    if !named.is_empty() {
        prepared.dataset_mut().set_available_named_graphs(named);
    }
    let results = match prepared.on_store(kg.store()).execute() {
        Ok(r) => r,
        Err(e) => return evaluation_error(&token, &e.to_string()),
    };
    let mut truncated = false;
    let outcome: Result<(Vec<u8>, &str), String> = match results {
        QueryResults::Boolean(b) => match negotiate_results(req) {
            Some(f) => QueryResultsSerializer::from_format(f)
                .serialize_boolean_to_writer(Vec::new(), b)
                .map(|v| (v, media_of(f)))
                .map_err(|e| e.to_string()),
            None => return not_acceptable(),
        },
        QueryResults::Solutions(solutions) => {
            let Some(f) = negotiate_results(req) else { return not_acceptable() };
            (|| {
                let vars = solutions.variables().to_vec();
                let mut w =
                    QueryResultsSerializer::from_format(f).serialize_solutions_to_writer(Vec::new(), vars).map_err(|e| e.to_string())?;
                for (n, s) in solutions.enumerate() {
                    if n == cap {
                        truncated = true;
                        break;
                    }
                    w.serialize(&s.map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
                }
                Ok((w.finish().map_err(|e| e.to_string())?, media_of(f)))
            })()
        }
        QueryResults::Graph(triples) => {
            let Some(f) = negotiate_graph(req) else { return not_acceptable() };
            (|| {
                let mut w = RdfSerializer::from_format(f).for_writer(Vec::new());
                for (n, t) in triples.enumerate() {
                    if n == cap {
                        truncated = true;
                        break;
                    }
                    w.serialize_triple(&t.map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
                }
                Ok((w.finish().map_err(|e| e.to_string())?, graph_media(f)))
            })()
        }
    };
    match outcome {
        Ok((body, media)) => {
            let resp = Response::new(200, media, body);
            if truncated {
                resp.with_header("X-KG-Truncated", &format!("results cut at {cap}"))
            } else {
                resp
            }
        }
        Err(e) => evaluation_error(&token, &e),
    }
}

fn evaluation_error(token: &oxigraph::sparql::CancellationToken, message: &str) -> Response {
    if token.is_cancelled() {
        Response::error(503, "query timed out")
    } else {
        Response::error(500, message)
    }
}

fn not_acceptable() -> Response {
    Response::error(406, "none of the accepted media types is available")
}

fn run_update(state: &State, req: &Request, text: &str) -> Response {
    if let Err(resp) = crate::auth::check_write(state, req) {
        return resp;
    }
    let update = match SparqlEvaluator::new().parse_update(text) {
        Ok(u) => u,
        Err(e) => return Response::error(400, &e.to_string()),
    };
    match update.on_store(state.kg.store()).execute() {
        Ok(()) => Response::new(204, "text/plain", Vec::new()),
        Err(e) => Response::error(500, &e.to_string()),
    }
}

fn service_description(state: &State, req: &Request) -> Response {
    let endpoint = format!("http://{}/sparql", req.header("host").unwrap_or(&state.bind));
    let mut features = String::new();
    if state.write_token.is_some() {
        features.push_str("sd:supportedLanguage sd:SPARQL11Update ; ");
    }
    let ttl = format!(
        "@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .\n\
         @prefix fmt: <http://www.w3.org/ns/formats/> .\n\
         [] a sd:Service ;\n  sd:endpoint <{endpoint}> ;\n  sd:supportedLanguage sd:SPARQL11Query ; {features}\n  \
         sd:feature sd:UnionDefaultGraph ;\n  \
         sd:resultFormat fmt:SPARQL_Results_JSON, fmt:SPARQL_Results_XML, fmt:SPARQL_Results_CSV, fmt:SPARQL_Results_TSV, fmt:Turtle, fmt:N-Triples, fmt:JSON-LD, fmt:RDF_XML .\n"
    );
    let format = negotiate_graph(req).unwrap_or(RdfFormat::Turtle);
    if format == RdfFormat::Turtle {
        return Response::new(200, graph_media(format), ttl);
    }
    let mut out = RdfSerializer::from_format(format).for_writer(Vec::new());
    for q in oxigraph::io::RdfParser::from_format(RdfFormat::Turtle).for_slice(ttl.as_bytes()).flatten() {
        if out.serialize_quad(&q).is_err() {
            return Response::error(500, "service description");
        }
    }
    match out.finish() {
        Ok(body) => Response::new(200, graph_media(format), body),
        Err(e) => Response::error(500, &e.to_string()),
    }
}
