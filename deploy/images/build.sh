#!/usr/bin/env bash
# Builds the container images of the four services without a Docker daemon or a registry:
#   ./deploy/images/build.sh
# writes fetcher/target/image.tar, extractor/..., indexer/..., api-gateway/target/image.tar (`docker save` tarballs of
# evwatch/evwatch-<service>:<version>). The base image is EVWATCH_IMAGE_BASE: a registry image (with Java 17 and curl,
# e.g. registry.access.redhat.com/ubi9/openjdk-17-runtime:1.24) or tar:///path/to/image.tar; unset, it is built once
# from Debian's packages by base-image.sh into deploy/target/images/base-jre17.tar. Arguments go on to Maven (e.g. -o).
set -euo pipefail
cd "$(dirname "$0")/../.."
base="${EVWATCH_IMAGE_BASE:-}"
if [[ -z "$base" ]]; then
  tarball="deploy/target/images/base-jre17.tar"
  [[ -f "$tarball" ]] || ./deploy/images/base-image.sh "$tarball"
  base="tar://$PWD/$tarball"
fi
./mvnw -B package -DskipTests -Pimages -pl fetcher,extractor,indexer,api-gateway -am -Devwatch.image.base="$base" "$@"
for service in fetcher extractor indexer api-gateway; do
  ls -l "$service/target/image.tar"
done
