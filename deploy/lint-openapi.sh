#!/usr/bin/env bash
# Lints the gateway's public OpenAPI document (written by the build to api-gateway/target/openapi/) with Redocly's
# recommended rules, warnings counting as errors (api-gateway/redocly.yaml). Needs Node.js and npm; the first run
# fetches @redocly/cli from npm.
set -euo pipefail
cd "$(dirname "$0")/../api-gateway"
doc=target/openapi/openapi.yaml
if [[ ! -f $doc ]]; then
  echo "api-gateway/$doc is missing: build first (./mvnw -B package -DskipTests)" >&2
  exit 1
fi
if ! command -v npx >/dev/null 2>&1; then
  echo "npx is missing: the OpenAPI lint needs Node.js and npm (sudo apt-get install nodejs npm)" >&2
  exit 1
fi
npx --yes @redocly/cli@2.77.0 lint "$doc" --config redocly.yaml --format stylish
