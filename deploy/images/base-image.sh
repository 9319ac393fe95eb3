#!/usr/bin/env bash
# Builds the base image of the services' images from Debian's packages, for machines that reach no container registry:
# Debian 12 with OpenJDK 17's runtime and curl (the compose health checks call it), a user "evwatch" (uid 185, group 0)
# and the folders /deployments and /var/lib/evwatch it owns. Written as a `docker save` tarball that
# deploy/images/build.sh hands to Jib as the base (tar://...). Needs root and mmdebstrap (installed with apt-get when
# missing); takes about two minutes, most of it downloading packages.
#   ./deploy/images/base-image.sh [output.tar]      default: deploy/target/images/base-jre17.tar
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-deploy/target/images/base-jre17.tar}"
suite="${EVWATCH_BASE_SUITE:-bookworm}"
mirror="${EVWATCH_BASE_MIRROR:-http://deb.debian.org/debian}"

if ! command -v mmdebstrap >/dev/null; then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    echo "Installing mmdebstrap with apt-get..." >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mmdebstrap) >/dev/null
  else
    echo "base-image.sh needs mmdebstrap (sudo apt-get install mmdebstrap), or give a base image from a registry:" >&2
    echo "  EVWATCH_IMAGE_BASE=registry.access.redhat.com/ubi9/openjdk-17-runtime:1.24 ./deploy/images/build.sh" >&2
    exit 1
  fi
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "Building the base image from Debian $suite (about two minutes)..." >&2
mmdebstrap --quiet --variant=essential --include=openjdk-17-jre-headless,curl \
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
  --customize-hook='echo "evwatch:x:185:0:EVwatch:/deployments:/usr/sbin/nologin" >> "$1/etc/passwd"' \
  --customize-hook='mkdir -p "$1/deployments" "$1/var/lib/evwatch" && chown 185:0 "$1/deployments" "$1/var/lib/evwatch"' \
  "$suite" "$work/rootfs.tar" "$mirror"

# A `docker save` archive of one layer: the root file system, its config and a manifest naming both.
diff_id="sha256:$(sha256sum "$work/rootfs.tar" | cut -d' ' -f1)"
gzip -n "$work/rootfs.tar"
created="$(date -u -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}" +%Y-%m-%dT%H:%M:%SZ)"
cat > "$work/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"$created",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
   "JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64","LANG=C.UTF-8"],"User":"185","WorkingDir":"/deployments"},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"$created","created_by":"mmdebstrap $suite: openjdk-17-jre-headless curl"}]}
JSON
echo '[{"Config":"config.json","RepoTags":["evwatch/base-jre17:latest"],"Layers":["rootfs.tar.gz"]}]' \
  > "$work/manifest.json"
mkdir -p "$(dirname "$out")"
tar -C "$work" -cf "$out.part" manifest.json config.json rootfs.tar.gz
mv "$out.part" "$out"
echo "$out" >&2
