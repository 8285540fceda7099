#!/usr/bin/env bash
# Installs what building and testing need on a Debian machine that has Rust:
# libclang-dev (RocksDB's bindgen step), a C++ compiler, Graphviz (DOT rendering
# tests and diagrams) and Python 3 (the evaluation scorer). Does nothing when all are present.
set -euo pipefail
need=()
for pkg in libclang-dev g++ graphviz python3; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${need[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
