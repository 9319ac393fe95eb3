#!/usr/bin/env bash
# Lists, shows and replays the records a consumer parked on its dead-letter topic (see README.md, "Dead letters").
#   ./deploy/dlq.sh list papers.fetched.extractor-dlq
#   ./deploy/dlq.sh show papers.fetched.extractor-dlq 3 7
#   ./deploy/dlq.sh replay papers.fetched.extractor-dlq [--offsets 3,7] [--to papers.fetched] [--group name]
# The broker is EVWATCH_KAFKA, else the local runtime's (127.0.0.1:9092, moved by EVWATCH_PORT_OFFSET).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -d deploy/target/lib || ! -d deploy/target/classes ]]; then
  echo "Building the deploy module (./mvnw -B -q -pl deploy -am package -DskipTests)..." >&2
  ./mvnw -B -q -pl deploy -am package -DskipTests
fi
export EVWATCH_KAFKA="${EVWATCH_KAFKA:-127.0.0.1:$((9092 + ${EVWATCH_PORT_OFFSET:-0}))}"
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "deploy/target/classes:deploy/target/lib/*" \
  org.evwatch.deploy.DeadLetters "$@"
