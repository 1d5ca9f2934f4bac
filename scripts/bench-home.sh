#!/usr/bin/env bash
# The home page under load: requests/s and p50/p90/p99 of "/" with wrk, against the Release portal started here on
# $ConnectionStrings__Catalog (a generated catalog). Prints the catalog's size, the load average and, afterwards,
# whether the counts the page shows equal a full count of the tables (when the counts tables exist).
# Usage (see docs/BENCHMARKS.md "Scale"):
#   scripts/bench-cluster.sh start; eval "$(BENCH_DB=medium scripts/bench-cluster.sh env)"
#   scripts/bench-home.sh [connections=1] [seconds=10]
set -euo pipefail
source "$(dirname "$0")/lib/portal.sh"
connections="${1:-1}"
seconds="${2:-10}"
port="${PORT:-5193}"
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 1; }
db=$(sed -E 's/.*Database=([^;]+).*/\1/' <<<"$ConnectionStrings__Catalog")
q() { psql -AtX -d "$db" -c "$1"; }

build_portal
start_portal "$port" /tmp/bench-home-portal.log
trap stop_portal EXIT
echo "catalog $db: $(q 'SELECT count(*) FROM entities') entities, $(q 'SELECT count(*) FROM lineage_edges') lineage edges, $(q 'SELECT count(*) FROM runs') runs"
curl -fs -o /dev/null "http://127.0.0.1:$port/" # warm up (plans, first connection)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
line=$(wrk -t $(( connections < 2 ? connections : 2 )) -c "$connections" -d "${seconds}s" --timeout 30s -s "$root/scripts/wrk/report.lua" "http://127.0.0.1:$port/" | grep '^RESULT')
eval "$(sed -E 's/^RESULT //' <<<"$line")"
printf "home /  connections %s: %s requests, %s req/s, p50 %s ms, p90 %s ms, p99 %s ms, errors %s\n" "$connections" "$requests" "$rps" "$p50" "$p90" "$p99" "$non2xx_or_errors"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$(q "SELECT to_regclass('entity_count_deltas') IS NOT NULL")" = t ]; then
  echo "kept counts equal a full count: $(q "SELECT (SELECT array_agg(k ORDER BY k) FROM (SELECT kind || '=' || sum(n) AS k FROM entity_count_deltas WHERE lifecycle IN ('active','deprecated') GROUP BY kind HAVING sum(n) > 0) a)
    = (SELECT array_agg(k ORDER BY k) FROM (SELECT kind || '=' || count(*) AS k FROM entities WHERE lifecycle IN ('active','deprecated') GROUP BY kind) b)
    AND (SELECT coalesce(sum(n), 0) FROM edge_count_deltas WHERE edges = 'lineage') = (SELECT count(*) FROM lineage_edges WHERE removed_at IS NULL)
    AND (SELECT coalesce(sum(n), 0) FROM edge_count_deltas WHERE edges = 'column_lineage') = (SELECT count(*) FROM column_lineage_edges WHERE removed_at IS NULL)")"
fi
