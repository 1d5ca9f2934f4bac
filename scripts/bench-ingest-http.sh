#!/usr/bin/env bash
# HTTP ingest benchmark: OpenLineage events/s over POST /api/v1/lineage with concurrent producers (wrk, loopback
# only, bounded by duration), against the Release portal started here on $ConnectionStrings__Catalog.
# Every request is a distinct RunEvent (scripts/wrk/ingest.lua). Prints events/s and latency per concurrency, and
# checks in the database that every accepted event was stored and processed.
# Usage: scripts/bench-cluster.sh start && eval "$(BENCH_DB=medium scripts/bench-cluster.sh env)" &&
#        scripts/bench-ingest-http.sh ["1 4 16"] [seconds]
set -euo pipefail
source "$(dirname "$0")/lib/portal.sh"
concurrency="${1:-1 4 16}"
seconds="${2:-15}"
port="${PORT:-5191}"
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 1; }
db=$(sed -E 's/.*Database=([^;]+).*/\1/' <<<"$ConnectionStrings__Catalog")

build_portal
start_portal "$port" /tmp/bench-ingest-http-portal.log
trap stop_portal EXIT
cat "$root/scripts/wrk/ingest.lua" "$root/scripts/wrk/report.lua" > /tmp/bench-ingest.lua
processed() { psql -AtX -d "$db" -c "SELECT count(*) FROM raw_inputs WHERE harvester = 'openlineage' AND status = 'processed'"; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; database $db"
printf "%-9s %10s %9s %9s %9s %9s %10s %s\n" producers requests events/s p50_ms p90_ms p99_ms rejected "stored+processed"
for c in $concurrency; do
  before=$(processed)
  line=$(wrk -t $(( c < 2 ? c : 2 )) -c "$c" -d "${seconds}s" --timeout 30s -s /tmp/bench-ingest.lua "http://127.0.0.1:$port" | grep '^RESULT')
  after=$(processed)
  eval "$(sed -E 's/^RESULT //; s/([a-z0-9_]+)=/\1=/g' <<<"$line")"
  printf "%-9s %10s %9s %9s %9s %9s %10s %s\n" "$c" "$requests" "$rps" "$p50" "$p90" "$p99" "$non2xx_or_errors" "$((after - before))"
done
echo "portal RSS (current, peak MiB): $(rss_mib "$PORTAL_PID")"
