#!/usr/bin/env bash
# Ingest benchmark (files): harvests the corpus's openlineage folder with catalog-indexer into the embedded
# PostgreSQL (.catalog/postgres) and prints the run summary. Run twice: the second run measures the unchanged-skip path.
# Usage: scripts/bench-ingest-files.sh [corpus-openlineage-dir]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${1:-$root/../shared/corpus/openlineage}"
dotnet build "$root/src/Catalog.Indexer" -c Release -v q -nologo >/dev/null
events=$(python3 - "$dir" <<'PY'
import json, os, sys
n = 0
for base, _, files in os.walk(sys.argv[1]):
    for f in files:
        p = os.path.join(base, f)
        if f.endswith(('.jsonl', '.ndjson')):
            n += sum(1 for line in open(p, encoding='utf-8', errors='replace') if line.strip())
        elif f.endswith('.json'):
            try:
                d = json.load(open(p, encoding='utf-8'))
                n += len(d) if isinstance(d, list) else 1
            except Exception:
                n += 1
print(n)
PY
)
exe="$root/src/Catalog.Indexer/bin/Release/net10.0/catalog-indexer.dll"
for pass in forced unchanged; do
  flag=$([ "$pass" = forced ] && echo --force || true)
  start=$(date +%s.%N)
  dotnet "$exe" harvest openlineage "$dir" $flag > /tmp/bench-ingest-$pass.log || true
  end=$(date +%s.%N)
  secs=$(echo "$end - $start" | bc -l)
  printf '%s pass: %d events in %.1fs = %.0f events/s (process start and migration check included)\n' "$pass" "$events" "$secs" "$(echo "$events / $secs" | bc -l)"
  grep -E "succeeded|partial|failed" /tmp/bench-ingest-$pass.log | head -2
done
