#!/usr/bin/env bash
# A private, throwaway PostgreSQL 15 cluster for the scale benchmarks and fault scripts (never the portal's own).
# Usage: scripts/bench-cluster.sh start|stop|restart|env   (env prints the PG* and ConnectionStrings__Catalog exports)
# Settings: BENCH_PG_DIR (/tmp/catalog-bench-pg), BENCH_PG_PORT (55432). Runs as the postgres OS user when root.
set -euo pipefail
dir="${BENCH_PG_DIR:-/tmp/catalog-bench-pg}"
port="${BENCH_PG_PORT:-55432}"
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-env}" in
  start)
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      mkdir -p "$dir"; [ "$(id -u)" = 0 ] && chown postgres "$dir"
      as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth=trust >/dev/null
    fi
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w status >/dev/null 2>&1 || \
      as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w start -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=512MB" >/dev/null
    echo "PostgreSQL $(as_pg "$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($dir)"
    ;;
  stop) as_pg "$bin/pg_ctl" -D "$dir/data" -w stop -m fast >/dev/null; echo stopped ;;
  restart) as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w restart -m fast >/dev/null; echo restarted ;;
  env)
    echo "export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres"
    echo "export ConnectionStrings__Catalog='Host=127.0.0.1;Port=$port;Username=postgres;Database=${BENCH_DB:-catalog_bench}'"
    ;;
  *) echo "usage: $0 start|stop|restart|env" >&2; exit 2 ;;
esac
