//! The graph as users build it: many documents and input kinds, cross-document
//! entities, incremental and idempotent ingest, removal, entity listing.

use crate::common::{kg, repo, run};

use std::path::{Path, PathBuf};
use std::process::Output;

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8")
}

fn ingest(store: &Path, paths: &[PathBuf]) -> String {
    stdout(&run(kg().arg("ingest").arg("--store").arg(store).args(paths)))
}

fn query_csv(store: &Path, q: &str) -> Vec<String> {
    stdout(&run(kg().args(["query", "--format", "csv", "--store"]).arg(store).arg(q)))
        .lines()
        .skip(1)
        .map(|l| l.trim().to_string())
        .collect()
}

fn all_quads(store: &Path) -> Vec<String> {
    let out = run(kg().args(["export", "--format", "nquads", "--store"]).arg(store));
    let mut lines: Vec<String> = stdout(&out).lines().map(str::to_string).collect();
    lines.sort();
    lines
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write");
    p
}

#[test]
fn two_documents_naming_one_person_differently_give_one_node() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    let a = write(dir.path(), "a.txt", "Ukrainian President Volodymyr Zelenskiy met Polish President Andrzej Duda in Warsaw.");
    let b = write(dir.path(), "b.txt", "Volodymyr Zelensky spoke with German Chancellor Olaf Scholz on Monday.");
    let c = write(dir.path(), "c.txt", "Zelensky thanked Poland for its support.");
    ingest(&store, &[a, b, c]);
    let people = query_csv(
        &store,
        "SELECT DISTINCT ?p WHERE { ?p a schema:Person ; skos:altLabel|rdfs:label ?n FILTER(CONTAINS(?n, \"Zelensk\")) }",
    );
    assert_eq!(people.len(), 1, "one node for Zelenskiy/Zelensky: {people:?}");
    let docs = query_csv(&store, &format!("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE {{ <{}> kg:mentionedIn ?d }}", people[0]));
    assert_eq!(docs, vec!["3"]);
    // The merge is recorded with its confidence.
    let merges = query_csv(&store, "SELECT ?label ?method ?c WHERE { ?r a kg:Resolution ; kg:localLabel ?label ; kg:method ?method ; kg:confidence ?c } ORDER BY ?label");
    assert!(merges.iter().any(|m| m.starts_with("Volodymyr Zelensky,variant,0.85")), "{merges:?}");
    let listed = stdout(&run(kg().args(["entities", "--type", "person", "--search", "zelensk", "--store"]).arg(&store)));
    assert!(listed.contains("Volodymyr Zelenskiy") && listed.contains("| 3") && listed.contains("(1 row)"), "{listed}");
    // What the node joins, and why.
    let merged = stdout(&run(kg().args(["entities", "--format", "csv", "--merges", "volodymyr zelenskiy", "--store"]).arg(&store)));
    assert!(merged.contains("person:volodymyr-zelenskiy,b,Volodymyr Zelensky,variant,0.85"), "{merged}");
    let unknown = kg().args(["entities", "--merges", "Atlantis", "--store"]).arg(&store).output().expect("run");
    assert!(!unknown.status.success() && String::from_utf8_lossy(&unknown.stderr).contains("no entity is named \"Atlantis\""));
}

/// Persons of two given names under one surname, a party beside its qualified namesake,
/// the senates of two states, and articles that name each by surname alone: never two
/// people (or two parties, or two senates) in one node.
#[test]
fn namesakes_stay_apart_across_documents() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    let texts = [
        "Senator Harold Kessler of Ohio criticized the governor on Monday. Kessler said the budget was a mistake.",
        "Margaret Kessler, a lawyer in Columbus, defended the plan. Kessler told reporters she was confident.",
        "Kessler spoke in Dayton on Tuesday.",
        "Former President Arthur Abernathy visited Kenya in May. Abernathy praised Kenyan President William Ruto.",
        "Eleanor Abernathy met Ugandan President Yoweri Museveni in Kampala. Abernathy said the talks went well.",
        "Abernathy arrived in Nairobi on Friday.",
        "Prime Minister Victor Ostrowski met Polish President Andrzej Duda in Warsaw. Ostrowski thanked Duda.",
        "The historian Lena Ostrowski spoke at the University of Warsaw. Ostrowski said the archive would open.",
        "Ostrowski returned to Warsaw.",
        "Leaders of the Progressive Party met in Lisbon on Monday.",
        "The Christian Progressive Party announced its candidates on Tuesday.",
        "The Christian Progressive Party won two seats in the north.",
        "The Progressive Party won none of the seats in the north.",
        "The Kenyan Senate voted on Monday. The Senate approved the budget.",
        "The Nigerian Senate met in Abuja on Tuesday. The Senate rejected the budget.",
        "The Nigerian Senate passed the bill.",
        "The Liberia Senate sued the governor on Monday. The Senate rejected the budget.",
        "The Senate confirmed the judge on Friday.",
    ];
    let paths: Vec<PathBuf> = texts.iter().enumerate().map(|(n, t)| write(dir.path(), &format!("{n:02}.txt"), t)).collect();
    ingest(&store, &paths);
    let listed = stdout(&run(kg().args(["entities", "--format", "json", "--store"]).arg(&store)));
    let entities: Vec<serde_json::Value> = serde_json::from_str(&listed).expect("JSON");
    let names = |e: &serde_json::Value| -> Vec<String> {
        let aliases = e["aliases"].as_array().expect("aliases are a JSON array");
        std::iter::once(&e["label"]).chain(aliases).filter_map(|v| v.as_str()).map(str::to_string).collect()
    };
    for e in &entities {
        let names = names(e);
        for (a, b) in [("Harold", "Margaret"), ("Arthur", "Eleanor"), ("Victor", "Lena")] {
            let holds = |given: &str| names.iter().any(|n| n.contains(given));
            assert!(!(holds(a) && holds(b)), "{a} and {b} in one node: {names:?}");
        }
        let christian = names.iter().any(|n| n.contains("Christian Progressive"));
        assert!(!christian || names.iter().all(|n| n.contains("Christian")), "two parties in one node: {names:?}");
        let states = ["Kenyan", "Nigerian"].iter().filter(|s| names.iter().any(|n| n.contains(*s))).count();
        assert!(states < 2, "the senates of two states in one node: {names:?}");
    }
    // The Nigerian Senate of the last article joins the Nigerian one, not the Kenyan.
    let nigerian = entities.iter().find(|e| names(e).iter().any(|n| n == "Nigerian Senate")).expect("a node for the Nigerian Senate");
    assert_eq!(nigerian["documents"], 2, "{nigerian}");
    let state = stdout(&run(kg().args(["entities", "--format", "csv", "--merges", "Nigerian Senate", "--store"]).arg(&store)));
    assert!(state.contains(",Senate,state,1"), "{state}");
    // A senate the text names with its state is that state's node, labelled so; a bare
    // "Senate" of a later article does not join it.
    let liberia = entities.iter().find(|e| e["label"] == "Liberia Senate").expect("a node labelled Liberia Senate");
    assert_eq!(liberia["documents"], 1, "{liberia}");
    // Each of the six people and both parties has a node of their own.
    for name in [
        "Harold Kessler",
        "Margaret Kessler",
        "Arthur Abernathy",
        "Eleanor Abernathy",
        "Victor Ostrowski",
        "Lena Ostrowski",
        "Progressive Party",
        "Christian Progressive Party",
    ] {
        assert!(entities.iter().any(|e| e["label"] == name), "no node for {name}: {listed}");
    }
}

/// Later documents revise what earlier ones decided: a surname merge that a second person
/// of the surname makes ambiguous is split, and a place takes the type most of its
/// documents give it, keeping one node. Both are reported, and re-ingesting changes nothing.
#[test]
fn later_documents_split_surname_merges_and_retype_places() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    let first = [
        write(
            dir.path(),
            "a.txt",
            "Senator Harold Kessler of Ohio criticized the governor on Monday. Kessler said the budget was a mistake.",
        ),
        write(dir.path(), "b.txt", "Kessler spoke in Dayton on Tuesday."),
        write(dir.path(), "c.txt", "Harold Kessler visited the city of Marbridge on Monday."),
        write(dir.path(), "d.txt", "Floods hit the region of Marbridge on Tuesday, officials said."),
    ];
    ingest(&store, &first);
    let documents_of = |iri: &str| query_csv(&store, &format!("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE {{ <{iri}> kg:mentionedIn ?d }}"));
    let harold = "https://w3id.org/newskg/entity/person/harold-kessler";
    assert_eq!(documents_of(harold), vec!["3"], "the surname alone joins the one Kessler known");
    let types = || query_csv(&store, "SELECT DISTINCT ?t WHERE { GRAPH ?g { place:marbridge a ?t } }");
    assert_eq!(types(), vec!["http://schema.org/Place"], "a city in one document, a region in another: one place node");

    let second = [
        write(dir.path(), "e.txt", "Margaret Kessler, a lawyer in Columbus, defended the plan. Kessler told reporters she was confident."),
        write(dir.path(), "f.txt", "Maria Lopez opened a school in the city of Marbridge."),
    ];
    let out = run(kg().arg("ingest").arg("--store").arg(&store).args(&second));
    let report = String::from_utf8_lossy(&out.stderr);
    assert!(report.contains("split: \"Kessler\"") && report.contains("no longer joins person:harold-kessler"), "{report}");
    assert!(report.contains("1 places took the type most of their documents give them (e.g. place:marbridge)"), "{report}");
    assert_eq!(documents_of(harold), vec!["2"], "the Dayton article's Kessler left Harold's node");
    assert_eq!(documents_of("https://w3id.org/newskg/entity/person/kessler"), vec!["1"]);
    assert_eq!(types(), vec!["http://schema.org/City"], "two documents of three call it a city, in every graph");

    let before = all_quads(&store);
    let again = run(kg().arg("ingest").arg("--store").arg(&store).args(first.iter().chain(&second)));
    assert!(String::from_utf8_lossy(&again.stderr).lines().all(|l| !l.contains("split:") && !l.contains("took the type")));
    assert_eq!(all_quads(&store), before, "re-ingesting revises nothing");
}

#[test]
fn reingest_is_idempotent_and_a_changed_file_replaces_only_its_graph() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).expect("mkdir");
    write(&docs, "one.txt", "Kenya criticized Ethiopia over the dam on Monday.");
    write(&docs, "two.txt", "Peru and Chile signed a trade agreement.");
    ingest(&store, std::slice::from_ref(&docs));
    let before = all_quads(&store);
    let again = ingest(&store, std::slice::from_ref(&docs));
    assert!(again.contains("0 new, 0 replaced, 2 unchanged"), "{again}");
    assert_eq!(all_quads(&store), before, "re-ingesting changes nothing");

    write(&docs, "one.txt", "Kenya praised Ethiopia for the dam deal on Monday.");
    let changed = ingest(&store, std::slice::from_ref(&docs));
    assert!(changed.contains("0 new, 1 replaced, 1 unchanged"), "{changed}");
    let after = all_quads(&store);
    let in_graph = |quads: &[String], g: &str| {
        quads.iter().filter(|q| q.ends_with(&format!("<https://w3id.org/newskg/doc/{g}> ."))).cloned().collect::<Vec<_>>()
    };
    assert_eq!(in_graph(&after, "two"), in_graph(&before, "two"), "the unchanged document's graph is untouched");
    assert_ne!(in_graph(&after, "one"), in_graph(&before, "one"));
    let preds = query_csv(&store, "SELECT ?p WHERE { country:kenya ?p country:ethiopia }");
    assert_eq!(preds, vec!["https://w3id.org/newskg/ontology#supported"], "the old statement is gone");
}

/// The store's quads less those that describe the input files and the ingest run.
fn quads_without_run_facts(store: &Path) -> Vec<String> {
    all_quads(store).into_iter().filter(|q| !["#sourcePath>", "#contentHash>", "#ingestedAt>"].iter().any(|f| q.contains(f))).collect()
}

#[test]
fn extracted_documents_ingest_as_the_articles_they_came_from() {
    // `kg extract` (or the Spark job) extracts; `kg ingest` of its JSON resolves and stores
    // exactly as an ingest of the articles, and again leaves the store unchanged.
    let dir = tempfile::tempdir().expect("tempdir");
    let samples: Vec<PathBuf> =
        ["nordic-arctic-talks.txt", "sahel-aid-appeal.txt"].iter().map(|n| repo().join("data/samples").join(n)).collect();
    let folder = dir.path().join("extracted");
    std::fs::create_dir(&folder).expect("mkdir");
    let json = run(kg().args(["extract", "--format", "json"]).args(&samples)).stdout;
    std::fs::write(folder.join("documents.json"), &json).expect("write");
    std::fs::write(folder.join("_SUCCESS"), "").expect("write");
    let direct = dir.path().join("direct");
    let from_json = dir.path().join("from-json");
    ingest(&direct, &samples);
    let first = ingest(&from_json, std::slice::from_ref(&folder));
    assert!(first.starts_with("ingested 2 documents (2 new"), "{first}");
    assert_eq!(quads_without_run_facts(&from_json), quads_without_run_facts(&direct));
    let again = ingest(&from_json, std::slice::from_ref(&folder));
    assert!(again.contains("2 unchanged; 0 files skipped"), "{again}");
}

#[test]
fn removing_a_document_removes_entities_only_it_supported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    let a = write(dir.path(), "a.txt", "Kenya criticized Ethiopia.");
    let b = write(dir.path(), "b.txt", "Kenya praised Uganda.");
    ingest(&store, &[a, b]);
    run(kg().args(["remove", "--store"]).arg(&store).arg("a"));
    let countries = query_csv(&store, "SELECT ?l WHERE { ?c a schema:Country ; rdfs:label ?l } ORDER BY ?l");
    assert_eq!(countries, vec!["Kenya", "Uganda"]);
    let out = kg().args(["remove", "--store"]).arg(&store).arg("nope").output().expect("run");
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("nope: no such document"));
}

#[test]
fn html_jsonl_and_binary_inputs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).expect("mkdir");
    write(
        &docs,
        "page.html",
        "<html><head><meta property=\"og:title\" content=\"Peru and Chile sign deal\"><meta property=\"article:published_time\" content=\"2025-03-04\">\
         <script>Kenya attacked Uganda</script></head><body><nav><p>Home and world news menu</p></nav>\
         <article><p>Peruvian President Dina Boluarte met Chilean President Gabriel Boric in Lima on Monday.</p></article></body></html>",
    );
    write(
        &docs,
        "feed.jsonl",
        "{\"id\": \"r1\", \"title\": \"Talks\", \"text\": \"Norway criticized Russia.\", \"date\": \"2025-01-02\", \"url\": \"https://x.example/r1\"}\n{broken\n{\"id\": \"r2\", \"body\": \"Sweden praised Finland.\"}\n",
    );
    std::fs::write(docs.join("blob.txt"), [0u8, 159, 146, 150]).expect("write");
    write(&docs, "notes.csv", "a,b");
    let out = run(kg().arg("ingest").arg("--store").arg(&store).arg(&docs));
    let summary = stdout(&out);
    let warnings = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(summary.contains("ingested 3 documents") && summary.contains("2 files skipped, 1 bad records"), "{summary}");
    assert!(warnings.contains("feed.jsonl:2") && warnings.contains("blob.txt") && warnings.contains("notes.csv"), "{warnings}");
    let html = query_csv(&store, "SELECT ?t ?d WHERE { doc:page schema:headline ?t ; schema:datePublished ?d }");
    assert_eq!(html, vec!["Peru and Chile sign deal,2025-03-04"]);
    let met = query_csv(&store, "SELECT ?date WHERE { ?st rdf:predicate kg:metWith ; kg:date ?date ; kg:document doc:page }");
    assert_eq!(met, vec!["2025-03-03"], "relative date resolved against the page's metadata date");
    assert!(query_csv(&store, "ASK { ?x kg:attacked ?y }") == vec!["false"] || query_csv(&store, "ASK { ?x kg:attacked ?y }").is_empty());
    let url = query_csv(&store, "SELECT ?u WHERE { doc:r1 schema:url ?u }");
    assert_eq!(url, vec!["https://x.example/r1"]);
}

#[test]
fn a_user_alias_table_forces_merges_and_splits() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    let table = write(
        dir.path(),
        "aliases.tsv",
        "# alias\tcanonical\ttype\twikidata\nThe Kremlin\tRussia\tCountry\tQ159\nWashington\tWashington, D.C.\tCity\n",
    );
    let a = write(dir.path(), "a.txt", "Kenya criticized Washington over aid cuts.");
    let b = write(dir.path(), "b.txt", "Washington praised Kenya for the reforms.");
    let cities = || query_csv(&store, "SELECT DISTINCT ?l WHERE { ?c a schema:City ; rdfs:label ?l }");
    run(kg().arg("ingest").arg("--store").arg(&store).arg(&a).arg(&b));
    assert!(cities().is_empty(), "without the table, Washington is the United States");
    // The table arrives later: the stored documents it concerns are resolved again when
    // they are ingested again, unchanged as they are; those left out are named.
    let out = run(kg().arg("ingest").arg("--store").arg(&store).arg("--aliases").arg(&table).arg(&a));
    assert_eq!(cities(), vec!["\"Washington, D.C.\""], "Washington split from the United States");
    assert!(stdout(&out).contains("1 replaced"), "{}", stdout(&out));
    let warned = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(
        warned.contains("1 of 2 stored documents that name a changed alias were not among the inputs") && warned.contains("e.g. b"),
        "{warned}"
    );
    // b waits until it is ingested again; then nothing is left to do.
    let again = run(kg().arg("ingest").arg("--store").arg(&store).arg("--aliases").arg(&table).arg(&a).arg(&b));
    assert!(stdout(&again).contains("1 replaced, 1 unchanged"), "only b, which waited: {}", stdout(&again));
    let settled = run(kg().arg("ingest").arg("--store").arg(&store).arg(&a).arg(&b));
    assert!(stdout(&settled).contains("0 replaced, 2 unchanged"), "{}", stdout(&settled));
    let washington = query_csv(&store, "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { place:washington-d-c kg:mentionedIn ?d }");
    assert_eq!(washington, vec!["2"], "both articles resolved with the table");
    let bad = write(dir.path(), "bad.tsv", "Paris\tParis\tTown\n");
    let out = kg().arg("ingest").arg("--store").arg(&store).arg("--aliases").arg(&bad).arg(&a).output().expect("run");
    assert!(
        !out.status.success() && String::from_utf8_lossy(&out.stderr).contains("bad.tsv:1: unknown type"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn countries_are_linked_to_wikidata_in_json_and_graph() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    let a = write(dir.path(), "a.txt", "China and the European Union agreed to cooperate with Kenya.");
    let json: serde_json::Value = serde_json::from_slice(&run(kg().arg("extract").arg(&a)).stdout).expect("JSON");
    let wikidata: Vec<(String, String)> = json["documents"][0]["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .filter_map(|e| Some((e["label"].as_str()?.to_string(), e["wikidata"].as_str()?.to_string())))
        .collect();
    for (label, q) in [("China", "Q148"), ("European Union", "Q458"), ("Kenya", "Q114")] {
        assert!(wikidata.contains(&(label.to_string(), q.to_string())), "{label} {q} in {wikidata:?}");
    }
    ingest(&store, &[a]);
    let linked = query_csv(&store, "SELECT ?l WHERE { ?c owl:sameAs <http://www.wikidata.org/entity/Q148> ; rdfs:label ?l }");
    assert_eq!(linked, vec!["China"]);
}

#[test]
fn hypothetical_events_are_kept_only_on_request_and_never_as_facts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = write(dir.path(), "a.txt", "Kenya did not criticize Ethiopia. Uganda could sanction Rwanda.");
    let plain = stdout(&run(kg().arg("extract").arg(&a)));
    assert!(!plain.contains("modality") && !plain.contains("criticized"), "{plain}");
    let kept = stdout(&run(kg().arg("extract").arg("--keep-hypothetical").arg(&a)));
    assert!(kept.contains("\"modality\": \"negated\"") && kept.contains("\"modality\": \"hypothetical\""), "{kept}");
    let store = dir.path().join("store");
    run(kg().arg("ingest").arg("--store").arg(&store).arg("--keep-hypothetical").arg(&a));
    let facts = query_csv(&store, "SELECT ?s WHERE { ?s kg:criticized ?o }");
    assert!(facts.is_empty(), "no direct triple for a negated event: {facts:?}");
    let statements = query_csv(&store, "SELECT ?m WHERE { ?st rdf:predicate kg:criticized ; kg:modality ?m }");
    assert_eq!(statements, vec!["negated"]);
    // Without the option the same file is re-extracted, not skipped as unchanged.
    let out = ingest(&store, &[a]);
    assert!(!out.contains("0 new, 0 updated"), "{out}");
    assert!(query_csv(&store, "SELECT ?m WHERE { ?st kg:modality ?m }").is_empty());
}

fn recipe(store: &Path, name: &str) -> Vec<String> {
    let file = repo().join("docs/queries").join(name);
    stdout(&run(kg().args(["query", "--format", "csv", "--store"]).arg(store).arg("--file").arg(&file)))
        .lines()
        .skip(1)
        .map(str::to_string)
        .collect()
}

#[test]
fn provenance_recipes_in_docs_answer_on_the_samples() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    let extra = write(dir.path(), "follow-up.txt", "June 1, 2025\n\nZakharova criticized Norway again on Friday.");
    ingest(&store, &[repo().join("data/samples"), extra]);

    let evidence = recipe(&store, "evidence-for-a-relation.rq");
    assert!(evidence.iter().any(|r| r.starts_with("Jonas Gahr Store,Alexander Stubb,2025-03-13,nordic-arctic-talks,")), "{evidence:?}");
    let facts = recipe(&store, "facts-from-one-source.rq");
    assert!(facts.iter().any(|r| r.contains("Yoshimasa Hayashi,https://w3id.org/newskg/ontology#demanded,China")), "{facts:?}");
    assert!(facts.iter().all(|r| r.starts_with("Japan and China clash over fishing fleet,2025-09-22,")));
    let dated = recipe(&store, "relations-in-a-date-range.rq");
    assert!(!dated.is_empty() && dated.iter().all(|r| r.as_str() >= "2025-03-01" && r.as_str() <= "2025-06-30~"), "{dated:?}");
    let quotes = recipe(&store, "who-said-what-about-whom.rq");
    assert!(quotes.iter().any(|r| r.starts_with("Lin Jian,China,")), "{quotes:?}");
    let merges = recipe(&store, "merges.rq");
    assert!(
        merges.iter().any(|r| r.starts_with("follow-up,Zakharova,https://w3id.org/newskg/entity/person/maria-zakharova,surname,0.7")),
        "{merges:?}"
    );
}

#[test]
fn paths_searched_in_the_store_match_the_loaded_network() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    ingest(&store, &[repo().join("data/samples")]);
    let path = |from: &str, to: &str, extra: &[&str]| {
        kg().args(["analyze", "path", "--format", "csv", "--from-entity", from, "--to-entity", to])
            .args(extra)
            .arg("--store")
            .arg(&store)
            .output()
            .expect("run kg analyze path")
    };
    // The README's example: two hops, read from the store.
    let found = stdout(&path("Jonas Gahr Store", "Finland", &[]));
    assert_eq!(found.lines().skip(1).count(), 2, "{found}");
    assert!(found.contains("1,Jonas Gahr Store,leaderOf,Norway,nordic-arctic-talks"), "{found}");
    assert!(found.contains("2,Norway,signedAgreementWith,Finland,nordic-arctic-talks"), "{found}");
    // A top-N filter needs the whole network, which is then loaded: the same answer.
    assert_eq!(stdout(&path("Jonas Gahr Store", "Finland", &["--top", "1000"])), found);
    assert_eq!(stdout(&path("jonas gahr store", "Finland", &[])), found, "labels are case-insensitive");
    // Without the agreement (other families only) the two are not connected, in both searches.
    for extra in [&["--family", "affiliation,verbalConflict"][..], &["--family", "affiliation,verbalConflict", "--top", "1000"][..]] {
        let out = path("Jonas Gahr Store", "Norway", extra);
        assert!(out.status.success(), "the leader stays: {}", String::from_utf8_lossy(&out.stderr));
        let out = path("Jonas Gahr Store", "Finland", extra);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success() && err.contains("Jonas Gahr Store and Finland are not connected"), "{extra:?}: {err}");
    }
    let out = path("Atlantis", "Finland", &[]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && err.contains("no entity named \"Atlantis\"") && err.contains("store"), "{err}");
}
