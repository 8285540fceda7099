#!/usr/bin/env bash
# The main job on the bundled samples: build kg, ingest data/samples into ./kg-store,
# print the summary and one SPARQL answer (who leads what, with the evidence).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
cargo build --release --quiet
kg="${CARGO_TARGET_DIR:-target}/release/kg"
"$kg" ingest --store kg-store data/samples
"$kg" query --store kg-store '
SELECT ?leader ?of ?title WHERE {
  ?st rdf:predicate kg:leaderOf ; rdf:subject ?p ; rdf:object ?o .
  OPTIONAL { ?st kg:title ?title }
  ?p rdfs:label ?leader . ?o rdfs:label ?of .
} ORDER BY ?leader'
