#!/usr/bin/env bash
# Sales ingestion and evaluation figures against the real PostgreSQL and Kafka that the test infrastructure starts
# (embedded PostgreSQL 14 + in-process KRaft broker, or PLATFORM_DB_HOST / KAFKA_BOOTSTRAP_SERVERS if given), beside
# the same run's raw ceilings: PostgreSQL COPY of the same rows, a naive single-row upsert from 16 clients, and a
# plain Kafka producer. The load client (SalesBenchmark) runs in the service's test JVM and shares its CPUs.
# Usage: reporting-service/bench/run.sh [csv-records=1000000] [kafka-records=1000000]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -o -pl reporting-service -am verify -DskipITs -Dtest=SalesBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench=true \
  -Dbench.records="${1:-1000000}" -Dbench.kafka.records="${2:-1000000}" \
  -Dquarkus.log.level=WARN 2>&1 | grep -E '^\[bench\]|ERROR|FAIL' || true
