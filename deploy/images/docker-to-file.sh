#!/usr/bin/env bash
# Takes the place of the docker command for Quarkus' Jib extension (quarkus.jib.docker-executable-name), so that an
# image is built with neither a Docker daemon nor a registry: Jib streams the finished image to `docker load` as a
# `docker save` tarball, and this writes that tarball to $EVWATCH_IMAGE_TAR. `docker info` is answered with the one
# platform the images are built for. Load the file with `docker load -i`, `podman load -i`, or push it with
# `skopeo copy docker-archive:FILE docker://REGISTRY/NAME:TAG`.
set -euo pipefail
case "${1:-}" in
  info)
    echo '{"OSType":"linux","Architecture":"x86_64"}'
    ;;
  load)
    : "${EVWATCH_IMAGE_TAR:?EVWATCH_IMAGE_TAR names the file to write the image to}"
    mkdir -p "$(dirname "$EVWATCH_IMAGE_TAR")"
    cat > "$EVWATCH_IMAGE_TAR.part"
    mv "$EVWATCH_IMAGE_TAR.part" "$EVWATCH_IMAGE_TAR"
    echo "Loaded image: written to $EVWATCH_IMAGE_TAR"
    ;;
  *)
    echo "docker-to-file.sh writes images to files; it has no '$*'" >&2
    exit 1
    ;;
esac
