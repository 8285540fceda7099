#!/usr/bin/env bash
# The Python package's tests: a fresh virtualenv, `pip install ./python` (built from
# source by maturin, sharing cargo's target folder), the test dependencies from PyPI, then
# pytest against the `kg` of the release build (run `cargo build --release` first).
# Prints a cargo-style "test result:" line so that CI's total counts these tests too.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
export KG_BIN="${KG_BIN:-$CARGO_TARGET_DIR/release/kg}"
[ -x "$KG_BIN" ] || cargo build --release --bin kg
python="${PYTHON:-python3}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$python" -m venv "$work/venv"
pip=("$work/venv/bin/python" -m pip --disable-pip-version-check --quiet)
"${pip[@]}" install --upgrade pip
"${pip[@]}" install "./python[test,spark]"
status=0
# From outside the repository, so that `import newskg` is the installed package.
(cd "$work" && "$work/venv/bin/python" -m pytest -q -p no:cacheprovider --junitxml="$work/junit.xml" "$OLDPWD/python/tests" "$@") || status=$?
"$work/venv/bin/python" - "$work/junit.xml" <<'PY'
import sys
import xml.etree.ElementTree as ET

root = ET.parse(sys.argv[1]).getroot()
suite = root if root.tag == "testsuite" else root.find("testsuite")
tests, failures, errors, skipped = (int(suite.get(k, 0)) for k in ("tests", "failures", "errors", "skipped"))
failed = failures + errors
print(f"test result: {'ok' if failed == 0 else 'FAILED'}. {tests - failed - skipped} passed; {failed} failed; {skipped} ignored; (python/tests)")
PY
exit $status
