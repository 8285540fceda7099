#!/usr/bin/env bash
# Every test of the workspace, in the release profile that scripts/demo.sh builds too.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo test --release --workspace
