#!/usr/bin/env bash
# Installs what building and testing need on a Debian machine that has Rust:
# libclang-dev (RocksDB's bindgen step), a C++ compiler, Graphviz (DOT rendering
# tests and diagrams), Python 3 (the evaluation scorer) and rdflib, networkx and pandas
# (the tests that load our exports the way analysts do), SPARQLWrapper (a client of the
# endpoint), Chromium and chromedriver (the explorer tested in a real browser), Virtuoso
# (the external SPARQL server for push tests), wrk (load tests), python3-venv and OpenJDK 17
# (the Python package's tests run in a fresh virtualenv, Spark's on Java). Does nothing when all are present.
# Usage: scripts/setup.sh [build|test]   (build: only what building and the demo need)
set -euo pipefail
packages="libclang-dev g++ graphviz"
if [ "${1:-test}" != build ]; then
  packages="$packages python3 python3-venv python3-rdflib python3-networkx python3-pandas python3-sparqlwrapper chromium chromium-driver virtuoso-opensource curl wrk time openjdk-17-jre-headless"
fi
need=()
for pkg in $packages; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${need[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
