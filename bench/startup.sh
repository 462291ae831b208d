#!/usr/bin/env bash
# Measures start-up: each service alone (seconds from `java` to /q/health/ready = UP on the management port, and RSS after
# 10 s idle), then the whole system from nothing (broker, database, five services). Compares JVM
# settings: the default heap, a small serial heap, AppCDS (JDK 17 dynamic archive) and the JDK 25
# AOT cache. Needs a packaged build (./mvnw package -DskipTests) and the infrastructure classpath
# that bin/run writes (.local/infrastructure.classpath). Prints a table; changes nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
services=(project-service budget-service acceptance-service publicity-service reporting-service)
jdk17=${JDK17:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
jdk25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
small="-XX:+UseSerialGC -Xmx128m -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=48m -Xss512k"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

[ -f .local/infrastructure.classpath ] || ./mvnw -q -B -pl platform dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$root/.local/infrastructure.classpath"

infra_start() { # infra_start <folder>: a new broker and database (forget the previous ones' addresses)
  unset KAFKA_BOOTSTRAP_SERVERS PLATFORM_DB_HOST PLATFORM_DB_PORT PLATFORM_DB_USER PLATFORM_DB_PASSWORD
  java -Xmx512m -cp "platform/target/test-classes:platform/target/classes:$(cat .local/infrastructure.classpath)" \
    cn.ruralfund.platform.testing.LocalInfrastructure "$work/$1" >"$work/$1.log" 2>&1 &
  infra_pid=$!; pids+=($infra_pid)
  until [ -f "$work/$1/infrastructure.env" ]; do
    kill -0 "$infra_pid" 2>/dev/null || { echo "infrastructure failed: $(tail -3 "$work/$1.log")" >&2; exit 1; }
    sleep 0.05
  done
  set -a; . "$work/$1/infrastructure.env"; set +a
}

# Health is on the management interface; its port here is the API port + 1000.
# start <java> <opts> <service> <port>: sets $secs (seconds to ready) and $svc_pid
start() {
  local java=$1 opts=$2 name=$3 port=$4 t0 t1
  t0=$(date +%s.%N)
  (cd "$name/target/quarkus-app" && exec "$java" $opts -Dquarkus.profile=local -Dquarkus.http.port="$port" \
     -Dquarkus.management.port=$((port + 1000)) -jar quarkus-run.jar >"$work/$name.$port.log" 2>&1) &
  svc_pid=$!; pids+=($svc_pid)
  until curl -sf -o /dev/null "http://localhost:$((port + 1000))/q/health/ready"; do
    kill -0 "$svc_pid" 2>/dev/null || { echo "failed: $(tail -5 "$work/$name.$port.log")" >&2; return 1; }
    sleep 0.02
  done
  t1=$(date +%s.%N)
  secs=$(echo "$t1 - $t0" | bc)
}

rss_mb() { echo $(( $(ps -o rss= -p "$1") / 1024 )); }

measure() { # measure <label> <java> <opts>
  local label=$1 java=$2 opts=$3 port=18100
  for name in "${services[@]}"; do
    port=$((port + 1))
    start "$java" "$opts" "$name" "$port"
    sleep 10
    printf '%-26s %-20s %6.2f s %6d MB\n' "$label" "$name" "$secs" "$(rss_mb "$svc_pid")"
    kill "$svc_pid"; wait "$svc_pid" 2>/dev/null || true
  done
}

train() { # train <java> <opts> <archive option>: one run of each service that writes its archive
  local java=$1 opts=$2 port=18200
  for name in "${services[@]}"; do
    port=$((port + 1))
    start "$java" "$opts ${3//@/$name}" "$name" "$port"
    curl -s -o /dev/null "http://localhost:$port/q/openapi"
    kill "$svc_pid"; wait "$svc_pid" 2>/dev/null || true
  done
}

if [ "${1:-}" != "--system-only" ]; then
infra_start infra
echo "infrastructure: $(grep -E '^(Kafka|PostgreSQL)' "$work/infra.log" | tr '\n' ' ')"
printf '%-26s %-20s %8s %9s\n' "settings" "service" "ready" "RSS idle"
measure "jdk17 default heap" "$jdk17/bin/java" ""
measure "jdk17 small serial" "$jdk17/bin/java" "$small"
train "$jdk17/bin/java" "$small" "-XX:ArchiveClassesAtExit=$work/@.jsa"
measure "jdk17 small + AppCDS" "$jdk17/bin/java" "$small -XX:SharedArchiveFile=$work/@.jsa"
if [ -x "$jdk25/bin/java" ]; then
  train "$jdk25/bin/java" "$small" "-XX:AOTCacheOutput=$work/@.aot"
  label="jdk25 small + AOT cache"; port=18300
  for name in "${services[@]}"; do
    port=$((port + 1))
    start "$jdk25/bin/java" "$small -XX:AOTCache=$work/$name.aot" "$name" "$port"
    sleep 10
    printf '%-26s %-20s %6.2f s %6d MB\n' "$label" "$name" "$secs" "$(rss_mb "$svc_pid")"
    kill "$svc_pid"; wait "$svc_pid" 2>/dev/null || true
  done
fi

kill "$infra_pid"; wait "$infra_pid" 2>/dev/null || true
else
train_opts="-XX:ArchiveClassesAtExit=$work/@.jsa"
infra_start warmup
train "$jdk17/bin/java" "$small" "$train_opts"
kill "$infra_pid"; wait "$infra_pid" 2>/dev/null || true
fi

# The whole system from nothing (new data folders), with JDK 17 small + AppCDS: broker, database, five services.
t0=$(date +%s.%N)
infra_start system
port=18400; all=()
for name in "${services[@]}"; do
  port=$((port + 1))
  (cd "$name/target/quarkus-app" && exec "$jdk17/bin/java" $small -XX:SharedArchiveFile="$work/$name.jsa" -Dquarkus.profile=local \
     -Dquarkus.http.port="$port" -Dquarkus.management.port=$((port + 1000)) -jar quarkus-run.jar >"$work/all.$name.log" 2>&1) &
  pids+=($!); all+=($port)
done
for port in "${all[@]}"; do until curl -sf -o /dev/null "http://localhost:$((port + 1000))/q/health/ready"; do sleep 0.05; done; done
t1=$(date +%s.%N)
printf 'whole system (broker + PostgreSQL + five services, small + AppCDS): %.1f s to all ready\n' "$(echo "$t1 - $t0" | bc)"
printf 'broker + PostgreSQL JVM RSS: %d MB\n' "$(( $(ps -o rss= -p "$infra_pid") / 1024 ))"
