#!/usr/bin/env bash
# Extraction figures on the gold sets: runs kg extract over each gold file's texts and
# scores the output with ../shared/eval/score.py; then the graph figures of the real-news
# set (its texts ingested into a temporary store) with ../shared/eval/score_graph.py.
# Usage: scripts/evaluate.sh [score.py options]
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${KG_SHARED:-../shared}"
if [ ! -f "$shared/eval/score.py" ]; then
  echo "evaluate: $shared/eval/score.py not found; skipping the figures" >&2
  exit 0
fi
kg="${CARGO_TARGET_DIR:-target}/release/kg"
[ -x "$kg" ] || cargo build --release --quiet
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for gold in "$shared/eval/gold/seed.json" "$shared/eval/dev/gold.json" "$shared/eval/wikinews/gold.json"; do
  dir=$(dirname "$gold")
  mapfile -t files < <(python3 -c 'import json,os,sys; g=json.load(open(sys.argv[1])); [print(os.path.join(sys.argv[2], d["text_file"])) for d in g["documents"]]' "$gold" "$dir")
  "$kg" extract --format json "${files[@]}" > "$tmp/pred.json"
  echo "== $gold"
  python3 "$shared/eval/score.py" "$gold" "$tmp/pred.json" "$@"
done
wikinews="$shared/eval/wikinews/gold.json"
"$kg" eval graph "$wikinews" --nodes "$tmp/nodes.csv" > /dev/null
echo "== graph of $wikinews"
python3 "$shared/eval/score_graph.py" "$wikinews" "$tmp/nodes.csv"
