#!/usr/bin/env bash
# Sends every fetched record through the pipeline again, for a new extractor (see docs/operations.md, "Re-extracting
# every paper"), and shows its progress; stopping this command does not stop the replay, running it again follows it.
#   ./deploy/replay.sh start            start a replay, or follow the one running, until it is done
#   ./deploy/replay.sh start --no-wait  start it and return
#   ./deploy/replay.sh status [id]      the latest replays, or one
# The fetcher is EVWATCH_FETCHER_URL, else the local runtime's (127.0.0.1:8081, moved by EVWATCH_PORT_OFFSET); the
# service token is EVWATCH_INTERNAL_TOKEN, else the local runtime's (.runtime/secrets.properties).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -d deploy/target/lib || ! -d deploy/target/classes ]]; then
  echo "Building the deploy module (./mvnw -B -q -pl deploy -am package -DskipTests)..." >&2
  ./mvnw -B -q -pl deploy -am package -DskipTests
fi
export EVWATCH_FETCHER_URL="${EVWATCH_FETCHER_URL:-http://127.0.0.1:$((8081 + ${EVWATCH_PORT_OFFSET:-0}))}"
if [[ -z "${EVWATCH_INTERNAL_TOKEN:-}" && -r .runtime/secrets.properties ]]; then
  EVWATCH_INTERNAL_TOKEN="$(sed -n 's/^evwatch\.internal\.token=//p' .runtime/secrets.properties)"
  export EVWATCH_INTERNAL_TOKEN
fi
exec java -cp "deploy/target/classes:deploy/target/lib/*" org.evwatch.deploy.Replay "$@"
