#!/usr/bin/env bash
# Pages under load: requests/s and p50/p90/p99 latency of the main pages and APIs with wrk (loopback, bounded by
# duration), against the Release portal started here on a generated catalog, plus the web process's memory (RSS).
# Pages: home, an entity page, search, a lineage tab (typical dataset and the biggest hub), the search and lineage APIs.
# Usage:
#   scripts/bench-cluster.sh start
#   eval "$(BENCH_DB=medium scripts/bench-cluster.sh env)"
#   psql -d postgres -c 'CREATE DATABASE medium'; dotnet run -c Release --project src/Catalog.Indexer -- generate --profile medium
#   scripts/bench-pages.sh [connections=8] [seconds=15]
set -euo pipefail
source "$(dirname "$0")/lib/portal.sh"
connections="${1:-8}"
seconds="${2:-15}"
port="${PORT:-5192}"
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 1; }
db=$(sed -E 's/.*Database=([^;]+).*/\1/' <<<"$ConnectionStrings__Catalog")
q() { psql -AtX -d "$db" -c "$1"; }
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }

# The most-read dataset (a hub) and a typical derived dataset (median number of lineage edges among those with any).
IFS='|' read -r hub_ns hub_name < <(q "SELECT e.namespace, e.name FROM lineage_edges l JOIN entities e ON e.id = l.from_id WHERE l.edge_kind = 'reads' GROUP BY e.id ORDER BY count(*) DESC LIMIT 1")
IFS='|' read -r ds_ns ds_name < <(q "WITH d AS (SELECT e.namespace, e.name, (SELECT count(*) FROM lineage_edges l WHERE l.from_id = e.id OR l.to_id = e.id) AS n FROM entities e WHERE e.kind = 'dataset' AND e.visibility = 'everyone' AND e.lifecycle = 'active' ORDER BY e.id DESC LIMIT 2000) SELECT namespace, name FROM d WHERE n > 0 ORDER BY n, name OFFSET (SELECT count(*) / 2 FROM d WHERE n > 0) LIMIT 1")
entities=$(q "SELECT count(*) FROM entities"); columns=$(q "SELECT count(*) FROM dataset_fields"); edges=$(q "SELECT count(*) FROM lineage_edges")
hub_readers=$(q "SELECT count(*) FROM lineage_edges l JOIN entities e ON e.id = l.from_id WHERE e.namespace = '$hub_ns' AND e.name = '$hub_name' AND l.edge_kind = 'reads'")

urls=(
  "home|/"
  "entity page|/entity/dataset/$(enc "$ds_ns")/$(enc "$ds_name")"
  "search page|/search?q=plays+hourly"
  "lineage tab|/entity/dataset/$(enc "$ds_ns")/$(enc "$ds_name")/lineage"
  "lineage tab (hub)|/entity/dataset/$(enc "$hub_ns")/$(enc "$hub_name")/lineage"
  "search API|/api/search?q=plays"
  "lineage API depth 3|/api/v1/lineage?nodeId=$(enc "dataset:$ds_ns:$ds_name")&depth=3"
)

build_portal
start_portal "$port" /tmp/bench-pages-portal.log
trap stop_portal EXIT
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, PostgreSQL $(q 'SHOW server_version' | cut -d' ' -f1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "catalog $db: $entities entities, $columns columns, $edges lineage edges; hub $hub_ns/$hub_name has $hub_readers readers; typical dataset $ds_ns/$ds_name"
echo "portal RSS after start (current, peak MiB): $(rss_mib "$PORTAL_PID")"
printf "%-22s %8s %9s %9s %9s %9s %8s\n" page requests req/s p50_ms p90_ms p99_ms errors
for entry in "${urls[@]}"; do
  name=${entry%%|*}; path=${entry#*|}
  status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$path")
  [ "$status" = 200 ] || { printf "%-22s answered %s for %s\n" "$name" "$status" "$path"; continue; }
  curl -s -o /dev/null "http://127.0.0.1:$port$path" # warm caches (lineage snapshot, plans) before measuring
  line=$(wrk -t $(( connections < 2 ? connections : 2 )) -c "$connections" -d "${seconds}s" --timeout 30s -s "$root/scripts/wrk/report.lua" "http://127.0.0.1:$port$path" | grep '^RESULT')
  eval "$(sed -E 's/^RESULT //' <<<"$line")"
  printf "%-22s %8s %9s %9s %9s %9s %8s\n" "$name" "$requests" "$rps" "$p50" "$p90" "$p99" "$non2xx_or_errors"
done
echo "portal RSS after the run (current, peak MiB): $(rss_mib "$PORTAL_PID")"
