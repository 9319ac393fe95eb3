#!/usr/bin/env bash
# Starts EVwatch on this machine: a single-node KRaft Kafka broker, PostgreSQL (embedded, or EVWATCH_DB_URL),
# the four services, and the sample papers. Ctrl-C or ./deploy/stop.sh stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."

java_version=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [[ -z "$java_version" || "${java_version%%.*}" -lt 17 ]]; then
  echo "EVwatch needs Java 17 or newer (found: ${java_version:-no java on the PATH})." >&2
  echo "On Debian or Ubuntu: sudo apt-get install openjdk-17-jdk-headless" >&2
  exit 1
fi
offline=()
[[ ${EVWATCH_OFFLINE:-false} == true ]] && offline=(-o)

jars=(fetcher extractor indexer api-gateway)
need_build=0
for m in "${jars[@]}"; do
  [[ -f "$m/target/quarkus-app/quarkus-run.jar" ]] || need_build=1
done
[[ -d deploy/target/lib && -d deploy/target/classes ]] || need_build=1
if [[ $need_build == 1 || ${EVWATCH_REBUILD:-0} == 1 ]]; then
  echo "Building (./mvnw -B ${offline[*]} package -DskipTests)..."
  ./mvnw -B -q "${offline[@]}" package -DskipTests
fi

if [[ -f .runtime/pids ]] && kill -0 "$(head -n1 .runtime/pids | cut -d' ' -f1)" 2>/dev/null; then
  echo "EVwatch already runs (see .runtime/pids); stop it with ./deploy/stop.sh" >&2
  exit 1
fi
rm -f .runtime/pids
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "deploy/target/classes:deploy/target/lib/*" org.evwatch.deploy.LocalRuntime "$PWD"
