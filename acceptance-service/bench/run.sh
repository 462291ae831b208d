#!/usr/bin/env bash
# Material uploads per second, MB/s and latency percentiles with concurrent clients, then the time to build the R6
# archive of one application, against the real PostgreSQL (and Kafka) that the test infrastructure starts. The load
# client (MaterialBenchmark) runs in the service's test JVM and shares its CPUs: the figures are a lower bound.
# Usage: acceptance-service/bench/run.sh [clients=8] [uploads=400] [kib=256]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -o -q -pl acceptance-service -am verify -DskipITs -Dtest=MaterialBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench=true \
  -Dbench.clients="${1:-8}" -Dbench.uploads="${2:-400}" -Dbench.kib="${3:-256}" \
  -Dquarkus.log.level=WARN 2>&1 | grep -E '^\[bench\]|ERROR|FAIL' || true
