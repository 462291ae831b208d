#!/usr/bin/env bash
# Disbursement requests per second and p99 latency with 16 concurrent clients, against the real PostgreSQL and Kafka
# that the test infrastructure starts (embedded PostgreSQL 14 + in-process KRaft broker, or PLATFORM_DB_HOST /
# KAFKA_BOOTSTRAP_SERVERS if given). The load client (DisbursementBenchmark) runs in the service's test JVM and
# shares its CPUs: the figures are a lower bound for a service on its own machine.
# Usage: budget-service/bench/run.sh [clients=16] [seconds=20] [projects=64]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -pl budget-service -am test -Dtest=DisbursementBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench=true \
  -Dbench.clients="${1:-16}" -Dbench.seconds="${2:-20}" -Dbench.projects="${3:-64}" \
  -Dquarkus.log.level=WARN 2>&1 | grep -E '^\[bench\]|ERROR|FAIL' || true
