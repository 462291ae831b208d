#!/usr/bin/env bash
# Requests per second and latency (p99) of the public announcement list and detail pages and JSON, at 64
# connections, beside the service's trivial endpoint (GET /ping) measured in the same run, with wrk (Debian package
# `wrk`). The service runs packaged (fast-jar) with the production JVM settings of deploy/Dockerfile.jvm
# (-XX:+UseSerialGC -Xmx128m) against a fresh embedded PostgreSQL and KRaft broker (LocalInfrastructure), seeded with
# N announcements and N notices sent as CloudEvents. wrk and the service share this machine's cores.
# Usage: publicity-service/bench/run.sh [seconds=20] [connections=64] [seeded=200]
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
seconds=${1:-20}; connections=${2:-64}; seeded=${3:-200}
JAVA_OPTS=${JAVA_OPTS:--XX:+UseSerialGC -Xmx128m}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

[ -f publicity-service/target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B -o -pl publicity-service -am package -DskipTests
./mvnw -q -B -o -pl platform dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath" >/dev/null
cp="platform/target/test-classes:platform/target/classes:$(cat "$work/classpath")"

java -Xmx512m -cp "$cp" cn.ruralfund.platform.testing.LocalInfrastructure "$work/infra" >"$work/infra.log" 2>&1 &
pids+=($!)
until [ -f "$work/infra/infrastructure.env" ]; do kill -0 "${pids[0]}" 2>/dev/null || { tail -5 "$work/infra.log"; exit 1; }; sleep 0.1; done
set -a; . "$work/infra/infrastructure.env"; set +a

port=18084
(cd publicity-service/target/quarkus-app && exec java $JAVA_OPTS -Dquarkus.profile=local -Dquarkus.http.port=$port \
  -Dquarkus.log.level=WARN -jar quarkus-run.jar >"$work/service.log" 2>&1) &
pids+=($!)
for _ in $(seq 1800); do curl -sf -o /dev/null "http://localhost:$port/q/health/ready" && break; sleep 0.1; done  # up to 3 min on a loaded machine
curl -sf -o /dev/null "http://localhost:$port/q/health/ready" || { tail -30 "$work/service.log"; exit 1; }

java -cp "$cp" publicity-service/bench/Seed.java "$KAFKA_BOOTSTRAP_SERVERS" "$seeded" >"$work/seed.log" 2>&1
for _ in $(seq 600); do
  total=$(curl -sf "http://localhost:$port/announcements?size=1" | sed -E 's/.*"total":([0-9]+).*/\1/')
  [ "${total:-0}" -ge "$seeded" ] && break; sleep 0.2
done
id=$(curl -sf "http://localhost:$port/announcements?size=1" | sed -E 's/.*"items":\[\{"id":"([^"]+)".*/\1/')
echo "[bench] seeded $total announcements; detail of $id; ${seconds}s per endpoint, $connections connections, JVM: $JAVA_OPTS"

measure() { # measure <key> <label> <path>
  wrk -t2 -c"$connections" -d5s "http://localhost:$port$3" >/dev/null  # warm-up
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://localhost:$port$3")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  printf '[bench] %-38s %10s req/s   p50 %8s   p99 %8s   non-2xx %s\n' "$2" "$rps" "$p50" "$p99" "${errors:-0}"
  echo "$2" >"$work/label-$1"; echo "$rps" >"$work/rps-$1"
}
echo "[bench] load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
measure 0 "GET /ping (trivial)" "/ping"
measure 1 "GET /announcements (JSON list)" "/announcements"
measure 2 "GET /announcements/{id} (JSON)" "/announcements/$id"
measure 3 "GET /portal/announcements (HTML)" "/portal/announcements"
measure 4 "GET /portal/announcements/{id} (HTML)" "/portal/announcements/$id"
base=$(cat "$work/rps-0")
for k in 1 2 3 4; do
  printf '[bench] %-38s %5.1f%% of /ping in the same run\n' "$(cat "$work/label-$k")" "$(echo "100 * $(cat "$work/rps-$k") / $base" | bc -l)"
done
