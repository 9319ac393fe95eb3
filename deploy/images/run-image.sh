#!/usr/bin/env bash
# Runs a service from its image tarball (a `docker save` archive, e.g. indexer/target/image.tar) on a machine with no
# container runtime, the way a container runtime would start it: the image's layers unpacked in order into a root file
# system (whiteouts applied), and its entry point and command run there with the image's environment, user and working
# directory, in a mount and PID namespace of their own (unshare, chroot; so as root). It shares the host's network:
# the service listens on the host's ports and reaches Kafka and PostgreSQL where the host does.
#   sudo ./deploy/images/run-image.sh IMAGE.tar [NAME=VALUE ...]
# The service's settings are the image's Env, then the caller's EVWATCH_* and QUARKUS_* variables and
# JAVA_TOOL_OPTIONS (not EVWATCH_IMAGE*, this script's own), then the NAME=VALUE arguments. EVWATCH_IMAGE_MOUNTS lists
# host folders (separated by ':') to mount at the same path inside, given to the image's user (the fetcher's inbox,
# the indexer's index). The root file system is unpacked into EVWATCH_IMAGE_ROOTFS (default: a temporary folder,
# removed at the end). Runs until the service ends; SIGTERM or SIGINT stops the service as a container runtime would
# (SIGTERM to it, SIGKILL after 30 seconds).
set -euo pipefail

if [[ "${1:-}" == --inside ]]; then
  # Inside the new namespaces: the file systems a container has, then the image's user runs its command there.
  shift
  root="$1" user="$2" workdir="$3" mounts="$4" settings="$5"
  shift 5
  mkdir -p "$root/proc" "$root/dev"
  mount -t proc proc "$root/proc"
  mount --rbind /dev "$root/dev"
  for f in /etc/hosts /etc/resolv.conf; do
    [[ -f "$f" ]] && touch "$root$f" && mount --bind "$f" "$root$f"
  done
  mkdir -p "$root/tmp" && chmod 1777 "$root/tmp"
  IFS=: read -r -a folders <<< "$mounts"
  for folder in "${folders[@]}"; do
    [[ -n "$folder" ]] && mkdir -p "$root$folder" && mount --bind "$folder" "$root$folder"
  done
  # The service's environment is exactly its settings, which go by file, not on a command line that ps shows.
  while IFS= read -r name; do export -n "$name"; done < <(compgen -e)
  while IFS= read -r -d '' setting; do export "${setting?}"; done < "$settings"
  exec chroot --userspec="$user" "$root" /usr/bin/env -C "$workdir" "$@"
fi

image="$(realpath "${1:?usage: run-image.sh IMAGE.tar [NAME=VALUE ...]}")"
shift
[[ $(id -u) == 0 ]] || { echo "run-image.sh runs images as root (unshare, chroot)" >&2; exit 1; }
work="$(mktemp -d)"
root="${EVWATCH_IMAGE_ROOTFS:-$work/rootfs}"
pid=""
stop() {
  if [[ -n "$pid" ]]; then
    local init
    init="$(ps -o pid= --ppid "$pid" | tr -d ' ' | head -n1)"
    [[ -n "$init" ]] && kill -TERM "$init" 2>/dev/null || true
    for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    [[ -n "$init" ]] && kill -KILL "$init" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
  [[ -n "${EVWATCH_IMAGE_ROOTFS:-}" ]] || rm -rf "$root"
}
trap stop EXIT
trap 'exit 143' TERM INT

tar -xf "$image" -C "$work"
config="$work/$(jq -r '.[0].Config' "$work/manifest.json")"
rm -rf "$root" && mkdir -p "$root"
while read -r layer; do
  # A whiteout (.wh.NAME) removes NAME of the layers below; an opaque one (.wh..wh..opq) all of its folder.
  while read -r entry; do
    dir="$root/$(dirname "$entry")" name="$(basename "$entry")"
    if [[ "$name" == .wh..wh..opq ]]; then
      find "$dir" -mindepth 1 -maxdepth 1 -exec rm -rf {} +
    else
      rm -rf "${dir:?}/${name#.wh.}"
    fi
  done < <(tar -tf "$work/$layer" | grep -E '(^|/)\.wh\.' || true)
  tar -xf "$work/$layer" -C "$root" --numeric-owner --same-owner -p --exclude='.wh.*' --exclude='*/.wh.*'
done < <(jq -r '.[0].Layers[]' "$work/manifest.json")

mapfile -t argv < <(jq -r '(.config.Entrypoint // []) + (.config.Cmd // []) | .[]' "$config")
mapfile -t env < <(jq -r '(.config.Env // [])[]' "$config")
while IFS= read -r name; do env+=("$name=${!name}"); done < <(compgen -e | grep -E '^(EVWATCH_|QUARKUS_|JAVA_TOOL_OPTIONS$)' | grep -v '^EVWATCH_IMAGE' || true)
env+=("$@")
user="$(jq -r '.config.User // "0"' "$config")"
workdir="$(jq -r '.config.WorkingDir // "/"' "$config")"
[[ -n "$workdir" ]] || workdir=/
uid="${user%%:*}"
gid="${user#*:}"
if [[ "$gid" == "$user" ]]; then
  # No group given: the user's own in the image's /etc/passwd, as a container runtime takes it; else root's.
  gid="$(awk -F: -v u="$uid" '$1 == u || $3 == u { print $4; exit }' "$root/etc/passwd")"
  gid="${gid:-0}"
fi
uid="$(awk -F: -v u="$uid" '$1 == u { print $3; exit }' "$root/etc/passwd" | grep . || echo "$uid")"
IFS=: read -r -a folders <<< "${EVWATCH_IMAGE_MOUNTS:-}"
for folder in "${folders[@]}"; do
  [[ -n "$folder" ]] && mkdir -p "$folder" && chown -R "$uid:$gid" "$folder"
done
echo "run-image.sh: $(jq -r '.[0].RepoTags[0] // "image"' "$work/manifest.json") as $uid:$gid in $workdir: ${argv[*]}" >&2
printf '%s\0' "${env[@]}" > "$work/settings"
unshare --mount --pid --fork --propagation private -- \
  "$(realpath "$0")" --inside "$root" "$uid:$gid" "$workdir" "${EVWATCH_IMAGE_MOUNTS:-}" "$work/settings" "${argv[@]}" &
pid=$!
set +e
wait "$pid"
status=$?
pid=""
exit "$status"
