#!/usr/bin/env bash
# The hot paths side by side with this run's ceilings, on this machine, in one run:
#   bench/run-all.sh                 build (./mvnw package, offline), start a fresh broker + PostgreSQL and three services, measure
#   bench/run-all.sh --no-build      use the last build
#   bench/run-all.sh --jfr           also record a JFR profile of budget-service per path and print where its CPU went
#   bench/run-all.sh --budget-only   budget-service's paths and the ceilings only (to compare JVM settings)
#   bench/run-all.sh --seconds N     each measurement N s (default 10), after a warm-up of N/2 s
#   BENCH_JAVA_OPTS="..."            the services' JVM options (default: the Kubernetes settings, see below)
#   BENCH_JAVA=/path/to/java         the services' java (default: java on the PATH)
#   BENCH_PORT_BASE=28080            the services listen on base+2 (budget), +4 (publicity), +5 (reporting), management +1000
# Each path is driven by wrk (-t2 -c64; -c16 for the disbursement POST) from its own process; the ceilings are the
# service's own trivial endpoint (GET /ping, no token, no database; reporting-service has none, so its management
# /q/health/live), PostgreSQL's own row-lock and insert rates from 16 JDBC clients (bench/Bench.java) against the same
# server, and the broker's raw producer rate. The CPU columns are CPU milliseconds per request, read from /proc,
# of the service process and of the PostgreSQL server. At the end it checks R7 and the ledger reconciliation
# in the budget database after the load, and prints PASS or FAIL (exit status 1 on FAIL).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work="$root/.local/bench"
build=true; jfr=false; seconds=10; budget_only=false
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=false ;;
    --jfr) jfr=true ;;
    --budget-only) budget_only=true ;;
    --seconds) seconds=$2; shift ;;
    *) echo "usage: bench/run-all.sh [--no-build] [--jfr] [--seconds N]" >&2; exit 2 ;;
  esac
  shift
done
warm=$(( (seconds + 1) / 2 ))
# The Kubernetes settings (deploy/base/config.yaml: SerialGC, heap = 50% of the 384 MiB limit), C2 on: steady speed.
JAVA_OPTS=${BENCH_JAVA_OPTS:--XX:+UseSerialGC -Xmx192m}
JAVA=${BENCH_JAVA:-java}
command -v wrk >/dev/null || { echo "bench/run-all.sh needs wrk (Debian: apt-get install wrk)" >&2; exit 1; }

# Ports: BENCH_PORT_BASE + 2, 4, 5 (management + 1000); other engineers' runs on this machine use 808x and 180xx.
base_port=${BENCH_PORT_BASE:-28080}
services=(budget-service:$((base_port + 2)) publicity-service:$((base_port + 4)) reporting-service:$((base_port + 5)))
$budget_only && services=("${services[0]}")
for entry in "${services[@]}"; do
  for port in ${entry##*:} $((${entry##*:} + 1000)); do
    if ss -ltn "sport = :$port" | grep -q LISTEN; then echo "port $port is in use: set BENCH_PORT_BASE to another base" >&2; exit 1; fi
  done
done
mkdir -p "$root/.local"
cp_file="$root/.local/bench.classpath"
if $build || [ ! -f "$cp_file" ]; then
  echo "building (./mvnw -o package -DskipTests, the three services and the platform)..."
  ./mvnw -B -o -q -DskipTests package -pl budget-service,publicity-service,reporting-service -am
  ./mvnw -B -o -q -pl platform dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
fi
rm -rf "$work"; mkdir -p "$work/logs" "$work/classes"
classpath="platform/target/test-classes:platform/target/classes:$(cat "$cp_file")"
javac -nowarn -d "$work/classes" -cp "$classpath" bench/Bench.java 2>"$work/logs/javac.log" || { cat "$work/logs/javac.log"; exit 1; }
client() { java -Xmx256m -cp "$work/classes:$classpath" Bench "$@"; }

pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop INT TERM EXIT

t0=$(date +%s.%N)
env -u KAFKA_BOOTSTRAP_SERVERS -u PLATFORM_DB_HOST java -Xmx512m -cp "$classpath" \
  cn.ruralfund.platform.testing.LocalInfrastructure "$work/infrastructure" >"$work/logs/infrastructure.log" 2>&1 &
infra_pid=$!; pids+=($infra_pid)
until [ -f "$work/infrastructure/infrastructure.env" ]; do
  kill -0 "$infra_pid" 2>/dev/null || { echo "infrastructure failed:"; tail -30 "$work/logs/infrastructure.log"; exit 1; }
  sleep 0.2
done
set -a; . "$work/infrastructure/infrastructure.env"; set +a
t1=$(date +%s.%N)

declare -A pid_of port_of
for entry in "${services[@]}"; do
  name=${entry%%:*}; port=${entry##*:}; port_of[$name]=$port
  (cd "$name/target/quarkus-app" && exec $JAVA $JAVA_OPTS -Dquarkus.profile=local -Dquarkus.http.port="$port" \
    -Dquarkus.management.port=$((port + 1000)) -Dquarkus.log.level=WARN -Dquarkus.log.category.\"io.quarkus\".level=INFO -jar quarkus-run.jar >"$work/logs/$name.log" 2>&1) &
  pids+=($!); pid_of[$name]=$!
done
for entry in "${services[@]}"; do
  name=${entry%%:*}; port=${entry##*:}
  for _ in $(seq 1200); do
    curl -sf -o /dev/null "http://localhost:$((port + 1000))/q/health/ready" && continue 2
    kill -0 "${pid_of[$name]}" 2>/dev/null || break
    sleep 0.1
  done
  echo "$name did not become ready; its log:"; tail -40 "$work/logs/$name.log"; exit 1
done
t2=$(date +%s.%N)
printf 'broker + PostgreSQL ready in %.1f s, then three services in %.1f s (JVM options: %s)\n' \
  "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)" "$JAVA_OPTS"
for entry in "${services[@]}"; do # Quarkus's own figure: from JVM start to the application started
  name=${entry%%:*}
  echo "  $name: $(grep -o 'started in [0-9.]*s' "$work/logs/$name.log" | head -1), RSS $(( $(ps -o rss= -p "${pid_of[$name]}") / 1024 )) MB"
done
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"

client seed "http://localhost:${port_of[budget-service]}" "$work" 64 | tee -a "$work/logs/client.log"
office=$(cat "$work/token-office.txt"); program=$(cat "$work/program.txt")

# CPU time (clock ticks) of a service: the process's total (dead threads included) less its live JIT compiler threads
# (warm-up compilation is not a request's cost; GC and every other thread are). Approximate: a compiler thread that
# ends within a measurement leaves its time in the total.
ticks() {
  local sum t
  sum=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk '{print $12 + $13}' || echo 0)
  for t in /proc/"$1"/task/*; do
    case "$(cat "$t/comm" 2>/dev/null)" in
      "C1 CompilerThre"*|"C2 CompilerThre"*) sum=$((sum - $(sed 's/.*) //' "$t/stat" 2>/dev/null | awk '{print $12 + $13}' || echo 0))) ;;
    esac
  done
  echo "$sum"
}
# The PostgreSQL server: the postmaster, its live children and its reaped children.
postmaster=$(head -1 "$work/infrastructure/postgres/postmaster.pid" 2>/dev/null || true)
pg_ticks() {
  [ -n "$postmaster" ] && [ -f "/proc/$postmaster/stat" ] || { echo 0; return; }
  local sum c; sum=$(sed 's/.*) //' "/proc/$postmaster/stat" | awk '{print $12 + $13 + $14 + $15}')
  for c in $(pgrep -P "$postmaster"); do sum=$((sum + $(sed 's/.*) //' "/proc/$c/stat" 2>/dev/null | awk '{print $12 + $13}' || echo 0))); done
  echo "$sum"
}
hz=$(getconf CLK_TCK)

rows=()
# measure <label> <service> <connections> <url> [env...]: warm-up, then one measured wrk run; appends a row to $rows
measure() {
  local label=$1 service=$2 conns=$3 url=$4; shift 4
  env "$@" wrk -t2 -c"$conns" -d"${warm}s" --timeout 10s -s bench/wrk.lua "$url" >/dev/null 2>&1 || true
  local pid=${pid_of[$service]:-} s0 p0 s1 p1 out
  if $jfr && [ "$service" = budget-service ]; then
    jcmd "$pid" JFR.start name=bench settings=profile filename="$work/$(echo "$label" | tr -c 'a-zA-Z0-9\n' '_').jfr" >/dev/null
  fi
  s0=$(ticks "$pid"); p0=$(pg_ticks)
  out=$(env "$@" wrk -t2 -c"$conns" -d"${seconds}s" --timeout 10s -s bench/wrk.lua "$url" 2>&1 | grep '^RESULT' || echo "RESULT 0 0 -1")
  s1=$(ticks "$pid"); p1=$(pg_ticks)
  if $jfr && [ "$service" = budget-service ]; then jcmd "$pid" JFR.stop name=bench >/dev/null; fi
  read -r _ rps p99 failed <<<"$out"
  local n=$(( rps * seconds )); [ "$n" -gt 0 ] || n=1
  rows+=("$label|$rps|$p99|$conns|$failed|$(echo "scale=3; ($s1 - $s0) * 1000 / $hz / $n" | bc)|$(echo "scale=3; ($p1 - $p0) * 1000 / $hz / $n" | bc)")
  echo "  measured $label: $rps req/s, p99 $p99 ms, $failed failed" >&2
}

echo "measuring (${seconds} s each after ${warm} s of warm-up)..."
b=http://localhost:${port_of[budget-service]}
p=http://localhost:${port_of[publicity-service]:-0}
r=http://localhost:${port_of[reporting-service]:-0}
measure "budget GET /ping (ceiling)" budget-service 64 "$b/ping"
measure "budget GET /programs/{id}/balances" budget-service 64 "$b/programs/$program/balances" BENCH_TOKEN="$office"
measure "budget POST /projects/{id}/disbursements" budget-service 16 "$b/" BENCH_TOKEN="$office" BENCH_PROJECTS="$work/projects.txt"
if ! $budget_only; then
measure "publicity GET /ping (ceiling)" publicity-service 64 "$p/ping"
measure "publicity GET /calendar/publicity-window" publicity-service 64 "$p/calendar/publicity-window?start=2020-06-01"
measure "reporting GET /q/health/live (ceiling)" reporting-service 64 "http://localhost:$((${port_of[reporting-service]:-0} + 1000))/q/health/live"
measure "reporting GET /programs" reporting-service 64 "$r/programs" BENCH_TOKEN="$office"
fi
figure() { client "$@" 2>>"$work/logs/client.log" | grep '^RESULT' || echo "RESULT 0 0"; }
read -r _ lock_rate lock_p99 <<<"$(figure pg-lock "$seconds" 16)"
echo "  measured PostgreSQL row-lock: $lock_rate tx/s, p99 $lock_p99 ms" >&2
read -r _ insert_rate insert_p99 <<<"$(figure pg-insert "$seconds" 16)"
echo "  measured PostgreSQL insert: $insert_rate tx/s, p99 $insert_p99 ms" >&2
read -r _ kafka_rate _ <<<"$(figure kafka "$seconds")"
echo "  measured Kafka producer: $kafka_rate records/s" >&2

ratio() { [ "${2:-0}" -gt 0 ] 2>/dev/null && printf '%.1f%%' "$(echo "scale=3; 100 * $1 / $2" | bc)" || echo "-"; }
ms() { printf '%.2f' "$1"; }
row() { IFS='|' read -r label rps p99 conns failed svc pg <<<"${rows[$1]}"; }
echo
echo "| path | conns | req/s | p99 ms | failed | ceiling (same run) | ratio | service CPU ms/req | PostgreSQL CPU ms/req |"
echo "|---|---|---|---|---|---|---|---|---|"
print() { # print <row> <ceiling label> <ceiling rate>
  row "$1"
  if [ -z "$3" ]; then echo "| $label | $conns | $rps | $p99 | $failed | (is the ceiling) | | $(ms "$svc") | $(ms "$pg") |"
  else echo "| $label | $conns | $rps | $p99 | $failed | $2 $3/s | $(ratio "$rps" "$3") | $(ms "$svc") | $(ms "$pg") |"; fi
}
row 0; ping_b=$rps; print 0 "" ""
print 1 "budget /ping" "$ping_b"
print 2 "PostgreSQL row-lock tx" "$lock_rate"
if ! $budget_only; then
row 3; ping_p=$rps; print 3 "" ""
print 4 "publicity /ping" "$ping_p"
row 5; ping_r=$rps; print 5 "" ""
print 6 "reporting /q/health/live" "$ping_r"
fi
echo "| PostgreSQL BEGIN; SELECT … FOR UPDATE; UPDATE; COMMIT (16 JDBC clients, 64 rows) | 16 | $lock_rate | $lock_p99 | 0 | (is a ceiling) | | | |"
echo "| PostgreSQL INSERT, one per transaction (16 JDBC clients) | 16 | $insert_rate | $insert_p99 | 0 | (is a ceiling) | | | |"
echo "| Kafka producer, 600-byte records, acks=all (1 producer) | 1 | $kafka_rate | - | 0 | (is a ceiling) | | | |"
echo
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"

if $jfr; then
  for f in "$work"/*.jfr; do
    echo; echo "== JFR: $(basename "$f" .jfr)"; client jfr "$f" || true
  done
fi

echo
echo "checks after the load (budget database):"
client check
