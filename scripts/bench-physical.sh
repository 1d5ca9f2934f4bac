#!/usr/bin/env bash
# Physical limits of this machine's PostgreSQL: a bare `SELECT 1` round trip (pgbench, 1 and 8 clients) and raw
# COPY rows/s into a table shaped like dataset_fields (no indexes, then with its primary key), 2M rows by default.
# Usage: scripts/bench-cluster.sh start && eval "$(scripts/bench-cluster.sh env)" && scripts/bench-physical.sh [rows]
set -euo pipefail
rows="${1:-2000000}"
db=physical_limits
psql -qX -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(psql -AtX -d $db -c 'SHOW server_version')"

echo "SELECT 1;" > /tmp/select1.sql
for clients in 1 8; do
  pgbench -n -c $clients -j $clients -T 10 -f /tmp/select1.sql $db 2>/dev/null \
    | awk -v c=$clients '/latency average/ {lat=$4} /^tps/ {tps=$3} END {printf "SELECT 1, %d client(s): latency %s ms, %d round trips/s\n", c, lat, tps}'
done

data=/tmp/physical-copy.tsv
psql -qX -d $db -c "\copy (SELECT g / 10, g % 10, 'column_name_' || g, 'STRING', true, NULL FROM generate_series(1, $rows) g) TO '$data'"
for variant in plain primary_key; do
  psql -qX -d $db -c "DROP TABLE IF EXISTS fields_copy" \
    -c "CREATE TABLE fields_copy (entity_id bigint, ordinal int, name text, data_type text, nullable boolean, classification text)"
  [ $variant = primary_key ] && psql -qX -d $db -c "ALTER TABLE fields_copy ADD PRIMARY KEY (entity_id, name)"
  start=$(date +%s.%N)
  psql -qX -d $db -c "\copy fields_copy FROM '$data'"
  end=$(date +%s.%N)
  awk -v r=$rows -v s=$start -v e=$end -v v=$variant 'BEGIN {printf "COPY %d rows (%s): %.1f s, %d rows/s\n", r, v, e-s, r/(e-s)}'
done
rm -f "$data"
psql -qX -d postgres -c "DROP DATABASE $db" >/dev/null
