#!/usr/bin/env bash
# Starts the services the tests use, on loopback only: Virtuoso (the external SPARQL
# server that `kg push` is tested against) with SPARQL Update and the Graph Store
# Protocol open to local anonymous clients. Idempotent.
set -euo pipefail
ini=/etc/virtuoso-opensource-7/virtuoso.ini
if [ ! -f "$ini" ]; then
  echo "services: Virtuoso is not installed (scripts/setup.sh installs it)" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
# Listen on loopback only.
$sudo sed -i -E 's/^ServerPort(\s*)=(\s*)1111$/ServerPort\1=\2127.0.0.1:1111/; s/^ServerPort(\s*)=(\s*)8890$/ServerPort\1=\2127.0.0.1:8890/' "$ini"
up() { curl -sf -o /dev/null "http://127.0.0.1:8890/sparql?query=ASK%7B%7D"; }
if ! up; then
  $sudo service virtuoso-opensource-7 start >/dev/null
  for _ in $(seq 1 60); do up && break; sleep 1; done
fi
up || { echo "services: Virtuoso did not start on 127.0.0.1:8890" >&2; exit 1; }
# The Debian package's administrator password is "dba" on a fresh install.
password="${VIRTUOSO_DBA_PASSWORD:-dba}"
# The grant fails harmlessly when it was given before.
isql-vt 127.0.0.1:1111 dba "$password" exec="GRANT SPARQL_UPDATE TO \"SPARQL\";" >/dev/null 2>&1 || true
isql-vt 127.0.0.1:1111 dba "$password" exec="DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);" >/dev/null
echo "services: Virtuoso on http://127.0.0.1:8890/sparql (updates and graph store open to local clients)" >&2
