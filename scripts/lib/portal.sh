# Sourced by the scale scripts: start the Release portal on a loopback port against $ConnectionStrings__Catalog,
# wait for /healthz, and stop exactly the process it started (by PID).
# Anonymous ingest is switched on (Plugins:governance:RequireIngestToken=false) so load drivers need no token.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
portal_dll="$root/src/Catalog.Web/bin/Release/net10.0/Catalog.Web.dll"

build_portal() { [ -f "$portal_dll" ] && [ -z "${REBUILD:-}" ] || dotnet build "$root/src/Catalog.Web" -c Release -v q -nologo >/dev/null; }

# start_portal PORT LOGFILE -> sets PORTAL_PID
start_portal() {
  local port=$1 log=$2
  (cd "$root/src/Catalog.Web" && exec dotnet "$portal_dll" --urls "http://127.0.0.1:$port" \
     --Catalog:SampleCatalog:SeedOnFirstStart=false --Plugins:governance:RequireIngestToken=false \
     --Logging:LogLevel:Default=Warning >"$log" 2>&1) &
  PORTAL_PID=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$PORTAL_PID" 2>/dev/null || { echo "portal exited; see $log" >&2; tail -20 "$log" >&2; return 1; }
    sleep 1
  done
  echo "portal did not become healthy in 120 s; see $log" >&2; return 1
}

stop_portal() { [ -n "${PORTAL_PID:-}" ] && kill "$PORTAL_PID" 2>/dev/null && wait "$PORTAL_PID" 2>/dev/null; PORTAL_PID=; }

# rss_mib PID -> current and peak resident memory in MiB ("current peak")
rss_mib() { awk '/VmRSS/ {c=$2} /VmHWM/ {p=$2} END {printf "%d %d", c/1024, p/1024}' "/proc/$1/status"; }
