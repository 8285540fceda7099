#!/usr/bin/env bash
# Every test of the workspace, in the release profile that scripts/demo.sh builds too,
# with the services the tests use (Virtuoso on loopback) started first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/services.sh
cargo test --release --workspace
# The Python package (python/): a fresh virtualenv, pip install ./python, pytest.
python/test.sh
