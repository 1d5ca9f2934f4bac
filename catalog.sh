#!/usr/bin/env bash
# The project's entry point. Two commands matter (see README):
#   ./catalog.sh start   — the portal on an embedded PostgreSQL, seeded with the sample catalog
#   ./catalog.sh test    — every test (unit, integration on real PostgreSQL, browser in Chromium)
# It installs what is missing from Debian's packages (PostgreSQL, Chromium) when run as root.
set -euo pipefail
cd "$(dirname "$0")"

need_root_install() { [ "$(id -u)" = 0 ] || { echo "Missing $1: install it (apt-get install -y $2) or run as root." >&2; exit 1; }; }
apt_install() {
  need_root_install "$1" "$2"
  echo "Installing $2 from Debian packages…"
  if [ -z "${APT_UPDATED:-}" ]; then apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}

ensure_postgres() {
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || apt_install "PostgreSQL" "postgresql postgresql-contrib"
  # The cluster runs as this OS user when we are root (PostgreSQL refuses root).
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then useradd --system --home /var/lib/postgresql --shell /bin/bash postgres; fi
}
ensure_chromium() { command -v chromium >/dev/null 2>&1 || apt_install "Chromium" "chromium"; }
ensure_node() { command -v npm >/dev/null 2>&1 || apt_install "npm" "nodejs npm"; }

case "${1:-help}" in
  start)
    ensure_postgres; ensure_node
    shift
    # dotnet run builds first, as a fresh clone needs. CATALOG_NO_BUILD=1 runs the build output already in
    # src/Catalog.Web/bin/$CATALOG_CONFIGURATION (the first-start smoke test reuses the suite's build this way).
    run_args=(--project src/Catalog.Web -c "${CATALOG_CONFIGURATION:-Debug}")
    if [ -n "${CATALOG_NO_BUILD:-}" ]; then run_args+=(--no-build); fi
    exec dotnet run "${run_args[@]}" -- --urls "${CATALOG_URLS:-http://127.0.0.1:5000}" "$@"
    ;;
  test)
    ensure_postgres; ensure_node; ensure_chromium
    shift
    dotnet build Catalog.sln -c Release -warnaserror
    dotnet test Catalog.sln -c Release --no-build "$@" 2>&1 | tee /tmp/catalog-test.log
    status=${PIPESTATUS[0]}
    # One closing line for the whole run: N passed, N failed.
    # dotnet test may print a project's summary twice: count each test assembly once.
    awk '/^(Passed|Failed)!/ { dll=$(NF-1); p[dll]=0; f[dll]=0; for (i=1;i<=NF;i++) { if ($i=="Passed:") p[dll]=$(i+1)+0; if ($i=="Failed:") f[dll]=$(i+1)+0 } }
         END { for (d in p) { tp+=p[d]; tf+=f[d] } printf "%d passed, %d failed\n", tp, tf }' /tmp/catalog-test.log
    exit "$status"
    ;;
  indexer)
    ensure_postgres; shift
    exec dotnet run --project src/Catalog.Indexer -- "$@"
    ;;
  stop-db)
    for dir in .catalog/postgres/data; do
      [ -f "$dir/postmaster.pid" ] || { echo "The embedded PostgreSQL is not running."; exit 0; }
      bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
      if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$bin/pg_ctl" stop -D "$dir" -m fast; else "$bin/pg_ctl" stop -D "$dir" -m fast; fi
    done
    ;;
  *)
    echo "usage: ./catalog.sh start | test [dotnet test args] | indexer <args> | stop-db" >&2
    exit 2
    ;;
esac
