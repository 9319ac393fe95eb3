#!/usr/bin/env bash
# Stops what ./deploy/run.sh started, by the PIDs it recorded in .runtime/pids.
set -uo pipefail
cd "$(dirname "$0")/.."
pids_file=.runtime/pids
if [[ ! -f $pids_file ]]; then
  echo "Nothing to stop (no $pids_file)."
  exit 0
fi
# The launcher first: its shutdown hook stops the services, Kafka and the embedded PostgreSQL in order.
mapfile -t lines < "$pids_file"
launcher=$(echo "${lines[0]}" | cut -d' ' -f1)
kill -TERM "$launcher" 2>/dev/null
for _ in $(seq 1 60); do
  kill -0 "$launcher" 2>/dev/null || break
  sleep 1
done
# Anything still alive (e.g. the launcher was killed hard) is stopped directly.
for line in "${lines[@]}"; do
  pid=$(echo "$line" | cut -d' ' -f1)
  if kill -0 "$pid" 2>/dev/null; then
    echo "stopping ${line#* } ($pid)"
    kill -TERM "$pid" 2>/dev/null
  fi
done
sleep 2
for line in "${lines[@]}"; do
  pid=$(echo "$line" | cut -d' ' -f1)
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
done
pg=.runtime/postgres/postmaster.pid
if [[ -f $pg ]] && kill -0 "$(head -n1 $pg)" 2>/dev/null; then
  kill -TERM "$(head -n1 $pg)"
fi
rm -f "$pids_file"
echo "EVwatch stopped."
