#!/usr/bin/env bash
# Installs what building and testing need on a Debian machine that has Rust:
# libclang-dev (RocksDB's bindgen step), a C++ compiler, Graphviz (DOT rendering
# tests and diagrams), Python 3 (the evaluation scorer) and rdflib, networkx and pandas
# (the tests that load our exports the way analysts do). Does nothing when all are present.
set -euo pipefail
need=()
for pkg in libclang-dev g++ graphviz python3 python3-rdflib python3-networkx python3-pandas; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${need[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
