//! The SPARQL 1.1 Graph Store HTTP Protocol at `/store`: `?graph=IRI` or `?default`.
//! GET and HEAD always; PUT, POST and DELETE only on a writable server with the token.

use oxigraph::io::{RdfParser, RdfSerializer};
use oxigraph::model::{GraphName, NamedNode, Quad};

use crate::http::{Request, Response};
use crate::sparql::{graph_format, graph_media, negotiate_graph};
use crate::State;

fn target(req: &Request) -> Result<GraphName, Response> {
    if req.query.iter().any(|(k, _)| k == "default") {
        return Ok(GraphName::DefaultGraph);
    }
    match req.param("graph") {
        Some(iri) => NamedNode::new(iri).map(GraphName::NamedNode).map_err(|e| Response::error(400, &format!("graph: {e}"))),
        None => Err(Response::error(400, "give ?graph=IRI or ?default")),
    }
}

/// Handles `/store`.
pub fn store(state: &State, req: &Request) -> Response {
    let graph = match target(req) {
        Ok(g) => g,
        Err(r) => return r,
    };
    let store = state.kg.store();
    let exists = match &graph {
        GraphName::NamedNode(g) => store.contains_named_graph(g).unwrap_or(false),
        _ => true,
    };
    match req.method.as_str() {
        "GET" | "HEAD" => {
            if !exists {
                return Response::error(404, "no such graph");
            }
            let Some(format) = negotiate_graph(req) else { return Response::error(406, "none of the accepted media types is available") };
            let mut w = RdfSerializer::from_format(format).for_writer(Vec::new());
            let mut written = 0;
            for q in store.quads_for_pattern(None, None, None, Some(graph.as_ref())) {
                let Ok(q) = q else { return Response::error(500, "store read failed") };
                let ok = if format.supports_datasets() { w.serialize_quad(&q) } else { w.serialize_triple(q.as_ref()) };
                if ok.is_err() {
                    return Response::error(500, "serialisation failed");
                }
                written += 1;
                if written > state.limits.max_results * 100 {
                    return Response::error(413, "graph too large for one response; use the SPARQL endpoint with LIMIT/OFFSET");
                }
            }
            match w.finish() {
                Ok(body) if req.method == "HEAD" => {
                    Response::new(200, graph_media(format), Vec::new()).with_header("X-Content-Length", &body.len().to_string())
                }
                Ok(body) => Response::new(200, graph_media(format), body),
                Err(e) => Response::error(500, &e.to_string()),
            }
        }
        "PUT" | "POST" | "DELETE" => {
            if let Err(r) = crate::auth::check_write(state, req) {
                return r;
            }
            if req.method == "DELETE" {
                if !exists {
                    return Response::error(404, "no such graph");
                }
                let result = match &graph {
                    GraphName::NamedNode(g) => store.remove_named_graph(g),
                    _ => store.clear_graph(GraphName::DefaultGraph.as_ref()),
                };
                return match result {
                    Ok(()) => Response::new(204, "text/plain", Vec::new()),
                    Err(e) => Response::error(500, &e.to_string()),
                };
            }
            let Some(format) = graph_format(&req.content_type()) else {
                return Response::error(415, "send Turtle, N-Triples, RDF/XML or JSON-LD");
            };
            let mut quads = Vec::new();
            for q in RdfParser::from_format(format).without_named_graphs().with_default_graph(graph.clone()).for_slice(&req.body) {
                match q {
                    Ok(q) => quads.push(Quad::new(q.subject, q.predicate, q.object, graph.clone())),
                    Err(e) => return Response::error(400, &format!("body: {e}")),
                }
            }
            let written = (|| -> Result<(), oxigraph::store::StorageError> {
                let mut t = store.start_transaction()?;
                if req.method == "PUT" {
                    match &graph {
                        GraphName::NamedNode(g) => t.remove_named_graph(g)?,
                        _ => t.clear_graph(GraphName::DefaultGraph.as_ref())?,
                    }
                }
                if let GraphName::NamedNode(g) = &graph {
                    t.insert_named_graph(g);
                }
                t.extend(quads.iter());
                t.commit()
            })();
            match written {
                Ok(()) if !exists => Response::new(201, "text/plain", Vec::new()),
                Ok(()) => Response::new(204, "text/plain", Vec::new()),
                Err(e) => Response::error(500, &e.to_string()),
            }
        }
        _ => Response::error(405, "use GET, HEAD, PUT, POST or DELETE").with_header("Allow", "GET, HEAD, PUT, POST, DELETE, OPTIONS"),
    }
}
