//! `kg serve` over real HTTP: the SPARQL 1.1 Protocol with content negotiation, the Graph
//! Store Protocol, CORS, limits, read-only by default, token-protected writes, the
//! explorer pages with escaping, and a Python client (SPARQLWrapper).

use std::process::Command;

use crate::common::{agent, enc, run, sample_store, Served};

fn body(resp: &mut ureq::http::Response<ureq::Body>) -> String {
    resp.body_mut().read_to_string().expect("body")
}

const PEOPLE: &str = "SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name } ORDER BY ?name";

#[test]
fn sparql_protocol_and_content_negotiation() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = sample_store(dir.path());
    let s = Served::start(&store, &[], &[]);
    let a = agent();
    let url = format!("{}/sparql", s.base);

    let mut r = a.get(format!("{url}?query={}", enc(PEOPLE))).call().expect("GET");
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-type"].to_str().unwrap_or("").starts_with("application/sparql-results+json"));
    assert_eq!(r.headers()["access-control-allow-origin"], "*");
    let json: serde_json::Value = serde_json::from_str(&body(&mut r)).expect("JSON");
    assert!(json["results"]["bindings"].as_array().expect("bindings").iter().any(|b| b["name"]["value"] == "Xi Jinping"));

    for (accept, needle) in
        [("application/sparql-results+xml", "<sparql"), ("text/csv", "name\r\n"), ("text/tab-separated-values", "?name\n")]
    {
        let mut r = a.post(&url).header("Accept", accept).send_form([("query", PEOPLE)]).expect("POST form");
        assert_eq!(r.status(), 200, "{accept}");
        assert!(body(&mut r).contains(needle), "{accept}");
    }
    let mut r =
        a.post(&url).header("Content-Type", "application/sparql-query").header("Accept", "text/csv").send(PEOPLE).expect("POST direct");
    assert!(body(&mut r).contains("Vladimir Putin"));

    let construct = "CONSTRUCT { ?a kg:metWith ?b } WHERE { ?a kg:metWith ?b }";
    for (accept, needle) in [
        ("text/turtle", "kg:metWith"),
        ("application/n-triples", "<https://w3id.org/newskg/ontology#metWith>"),
        ("application/ld+json", "\"@id\""),
        ("application/rdf+xml", "<rdf:RDF"),
    ] {
        let mut r = a.get(format!("{url}?query={}", enc(construct))).header("Accept", accept).call().expect("CONSTRUCT");
        assert_eq!(r.status(), 200, "{accept}");
        let text = body(&mut r);
        assert!(text.contains(needle) || text.contains("metWith"), "{accept}: {text}");
    }
    let r = a.get(format!("{url}?query={}", enc(PEOPLE))).header("Accept", "image/png").call().expect("406");
    assert_eq!(r.status(), 406);
    let r = a.get(format!("{url}?query={}", enc("SELECT WHERE"))).call().expect("400");
    assert_eq!(r.status(), 400);

    // Service description and preflight.
    let mut r = a.get(&url).call().expect("service description");
    assert!(body(&mut r).contains("sd:Service"));
    let r = a.options(&url).call().expect("OPTIONS");
    assert_eq!(r.status(), 204);
    assert!(r.headers()["access-control-allow-methods"].to_str().unwrap_or("").contains("POST"));

    // Graph Store Protocol reads.
    let mut r = a.get(format!("{}/store?graph={}", s.base, enc("https://w3id.org/newskg/doc/xi-visit"))).call().expect("GSP GET");
    assert_eq!(r.status(), 200);
    assert!(body(&mut r).contains("Xi Jinping"));
    let r = a.get(format!("{}/store?graph={}", s.base, enc("https://w3id.org/newskg/doc/none"))).call().expect("GSP 404");
    assert_eq!(r.status(), 404);

    // Read-only: no update, no graph writes.
    let r = a.post(&url).header("Content-Type", "application/sparql-update").send("INSERT DATA { <a:x> <a:y> <a:z> }").expect("update");
    assert_eq!(r.status(), 403);
    let r = a
        .put(format!("{}/store?graph={}", s.base, enc("http://example.org/g")))
        .header("Content-Type", "text/turtle")
        .send("<a:x> <a:y> <a:z> .")
        .expect("PUT");
    assert_eq!(r.status(), 403);

    // No static files, so no path to traverse.
    let r = a.get(format!("{}/../../../../etc/passwd", s.base)).call().expect("traversal");
    assert_eq!(r.status(), 404);
}

#[test]
fn limits_timeouts_caps_and_body_size() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = sample_store(dir.path());
    let s = Served::start(&store, &["--timeout", "1", "--max-results", "5", "--max-body", "2000"], &[]);
    let a = agent();
    let url = format!("{}/sparql", s.base);
    let slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a (!rdf:type)* ?b . ?c (!rdf:type)* ?d . ?e ?f ?g }";
    let started = std::time::Instant::now();
    let r = a.get(format!("{url}?query={}", enc(slow))).call().expect("slow query");
    assert_eq!(r.status(), 503, "timed out");
    assert!(started.elapsed().as_secs() < 20);
    let mut r = a.get(format!("{url}?query={}", enc("SELECT * WHERE { ?s ?p ?o }"))).header("Accept", "text/csv").call().expect("capped");
    assert!(r.headers().contains_key("x-kg-truncated"));
    assert_eq!(body(&mut r).lines().count(), 6, "header and five rows");
    let big = format!("SELECT * WHERE {{ ?s ?p ?o }} # {}", "x".repeat(3000));
    let r = a.post(&url).header("Content-Type", "application/sparql-query").send(big.as_str()).expect("big body");
    assert_eq!(r.status(), 413);
}

#[test]
fn writes_need_the_token() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = sample_store(dir.path());
    let token = "test-token-0123456789abcdef";
    let s = Served::start(&store, &["--writable"], &[("KG_WRITE_TOKEN", token)]);
    let a = agent();
    let url = format!("{}/sparql", s.base);
    let insert = "INSERT DATA { GRAPH <http://example.org/g> { <https://w3id.org/newskg/entity/person/x> a <http://schema.org/Person> ; \
                  <http://www.w3.org/2000/01/rdf-schema#label> \"<script>alert(1)</script>\" ; <https://w3id.org/newskg/ontology#mentionedIn> <http://example.org/g> } }";
    let r = a.post(&url).header("Content-Type", "application/sparql-update").send(insert).expect("no token");
    assert_eq!(r.status(), 401);
    let r = a
        .post(&url)
        .header("Content-Type", "application/sparql-update")
        .header("Authorization", "Bearer wrong-token-0123456789")
        .send(insert)
        .expect("bad token");
    assert_eq!(r.status(), 401);
    let r = a
        .post(&url)
        .header("Content-Type", "application/sparql-update")
        .header("Authorization", &format!("Bearer {token}"))
        .send(insert)
        .expect("update");
    assert_eq!(r.status(), 204);
    let r = a
        .put(format!("{}/store?graph={}", s.base, enc("http://example.org/h")))
        .header("Content-Type", "text/turtle")
        .header("Authorization", &format!("Bearer {token}"))
        .send("<http://example.org/a> <http://example.org/b> \"c\" .")
        .expect("PUT");
    assert_eq!(r.status(), 201);

    // The explorer shows the hostile label as text.
    let mut r = a.get(format!("{}/search?q={}", s.base, enc("script"))).call().expect("search");
    let html = body(&mut r);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{html}");
    assert!(!html.contains("<script>alert(1)"));
    let mut r = a.get(format!("{}/entity?iri={}", s.base, enc("https://w3id.org/newskg/entity/person/x"))).call().expect("entity");
    let html = body(&mut r);
    assert!(!html.contains("<script>alert(1)") && html.contains("&lt;script&gt;"));

    // Too short a token is refused at start.
    let out = crate::common::kg()
        .arg("serve")
        .arg("--store")
        .arg(&store)
        .args(["--bind", "127.0.0.1:0", "--writable"])
        .env("KG_WRITE_TOKEN", "short")
        .output()
        .expect("run");
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("at least 16"));
    let out = crate::common::kg()
        .arg("serve")
        .arg("--store")
        .arg(&store)
        .args(["--bind", "127.0.0.1:0", "--writable"])
        .env_remove("KG_WRITE_TOKEN")
        .output()
        .expect("run");
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("KG_WRITE_TOKEN"));
}

#[test]
fn explorer_pages() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = sample_store(dir.path());
    let s = Served::start(&store, &[], &[]);
    let a = agent();
    let get = |path: &str| {
        let mut r = a.get(format!("{}{path}", s.base)).call().expect("GET");
        (r.status().as_u16(), body(&mut r))
    };
    let (status, home) = get("/");
    assert_eq!(status, 200);
    assert!(home.contains("Most mentioned") && home.contains("<form"));
    let (_, found) = get("/search?q=xi");
    assert!(found.contains("Xi Jinping") && found.contains("/entity?iri="));
    let xi = enc("https://w3id.org/newskg/entity/person/xi-jinping");
    let (status, page) = get(&format!("/entity?iri={xi}"));
    assert_eq!(status, 200);
    for needle in [
        "Xi Jinping",
        "metWith",
        "Vladimir Putin",
        "met Russian President Vladimir Putin in Moscow on Monday",
        "<svg",
        "leaderOf",
        "We will deepen our partnership",
    ] {
        assert!(page.contains(needle), "{needle} missing from the entity page");
    }
    let (_, timeline) = get(&format!("/timeline?iri={xi}"));
    assert!(timeline.contains("2025-05-05") && timeline.contains("metWith"));
    let (status, svg) = get(&format!("/diagram.svg?iri={xi}"));
    assert_eq!(status, 200);
    assert!(svg.starts_with("<svg") && svg.contains("/entity?iri="));
    let (_, ui) = get(&format!("/sparql-ui?query={}", enc(PEOPLE)));
    assert!(ui.contains("<table id=\"results\">") && ui.contains("Xi Jinping"));
    let (status, _) = get("/entity?iri=not%20an%20iri");
    assert_eq!(status, 400);
}

#[test]
fn python_sparqlwrapper_client() {
    let python = ["/usr/bin/python3", "python3"]
        .into_iter()
        .find(|p| Command::new(p).args(["-c", "import SPARQLWrapper"]).output().is_ok_and(|o| o.status.success()));
    let Some(python) = python else {
        assert!(std::env::var_os("CI").is_none(), "CI needs python3-sparqlwrapper (scripts/setup.sh installs it)");
        eprintln!("SKIPPED: python3-sparqlwrapper not installed");
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let store = sample_store(dir.path());
    let s = Served::start(&store, &[], &[]);
    let script = format!(
        "from SPARQLWrapper import SPARQLWrapper, JSON\n\
         w = SPARQLWrapper('{}/sparql')\n\
         w.setQuery('PREFIX kg: <https://w3id.org/newskg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?n WHERE {{ ?p kg:leaderOf ?c ; rdfs:label ?n }} ORDER BY ?n')\n\
         w.setReturnFormat(JSON)\n\
         print('|'.join(b['n']['value'] for b in w.query().convert()['results']['bindings']))\n",
        s.base
    );
    let out = run(Command::new(python).args(["-c", &script]));
    let names = String::from_utf8_lossy(&out.stdout);
    assert!(names.contains("Xi Jinping") && names.contains("Jonas Gahr Store"), "{names}");
    // The README's rdflib example.
    let rdflib = format!(
        "from rdflib.plugins.stores.sparqlstore import SPARQLStore\n\
         store = SPARQLStore('{}/sparql')\n\
         q = 'PREFIX kg: <https://w3id.org/newskg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?leader ?country WHERE {{ ?p kg:leaderOf ?c ; rdfs:label ?leader . ?c rdfs:label ?country }}'\n\
         print('|'.join(f'{{r.leader}}:{{r.country}}' for r in store.query(q)))\n",
        s.base
    );
    let out = run(Command::new(python).args(["-c", &rdflib]));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Xi Jinping:China"), "{}", String::from_utf8_lossy(&out.stdout));
}
