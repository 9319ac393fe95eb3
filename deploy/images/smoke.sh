#!/usr/bin/env bash
# Shows that the built images work, with no container runtime: runs the whole system as ./deploy/run.sh does (Kafka,
# PostgreSQL, the sample papers), but each service from its image (deploy/target/images/runtime; run-image.sh, as
# root), waits until the gateway serves every sample paper, checks each service's health, and stops everything.
#   sudo ./deploy/images/smoke.sh        after ./deploy/images/build.sh
# Ports are the local runtime's plus EVWATCH_PORT_OFFSET (default 700), so that it runs beside a local runtime.
set -euo pipefail
cd "$(dirname "$0")/../.."
offset="${EVWATCH_PORT_OFFSET:-700}"
runtime=deploy/target/images/runtime
for service in fetcher extractor indexer api-gateway; do
  [[ -f "$service/target/image.tar" ]] || { echo "$service/target/image.tar is missing: run deploy/images/build.sh" >&2; exit 1; }
done
rm -rf "$runtime"
mkdir -p "$runtime"
log="$runtime/smoke.log"
EVWATCH_IMAGES=true EVWATCH_RUNTIME_DIR="$runtime" EVWATCH_PORT_OFFSET="$offset" ./deploy/run.sh > "$log" 2>&1 &
pid=$!
# SIGTERM, not SIGINT, which a background job of a script ignores: the runtime stops every service and waits for it.
trap 'kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true' EXIT
start=$SECONDS
until grep -q 'Stop with Ctrl-C' "$log"; do
  if ! kill -0 "$pid" 2>/dev/null || (( SECONDS - start > 1200 )); then
    cat "$log" >&2
    echo "smoke.sh: the system did not come up from the images (logs in $runtime/logs)" >&2
    exit 1
  fi
  sleep 5
done
cat "$log"
declare -A ports=([fetcher]=8081 [extractor]=8082 [indexer]=8083 [api-gateway]=8080)
for service in fetcher extractor indexer api-gateway; do
  port=$((ports[$service] + offset))
  curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null
  echo "$service (from $service/target/image.tar): ready on port $port"
done
echo "smoke.sh: the images ran the pipeline end to end in $((SECONDS - start)) s"
