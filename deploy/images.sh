#!/usr/bin/env bash
# Builds the five services' images with Jib (Quarkus container-image-jib, the -Pimages profile of each
# service's pom: no Docker daemon), pushes them to a registry, and checks each pushed image through the
# registry's HTTP API: a manifest and a config are there, the user is not root, the entrypoint runs Java,
# and the API (8080) and management (9000) ports are declared.
#   deploy/images.sh registry.example.gov.cn/ruralfund 1.0.0            build, push, check
#   deploy/images.sh --check-only registry.example.gov.cn/ruralfund 1.0.0
# Needs: network access to the registry and to the base image's (quarkus.jib.base-jvm-image, by default
# registry.access.redhat.com/ubi9/openjdk-17-runtime). REGISTRY_USER / REGISTRY_PASSWORD if the registry
# wants them (basic authentication); INSECURE=true for a plain-HTTP registry such as a test one on localhost.
# Quarkus' Jib extension writes an image to a registry or to a Docker daemon only, never to a tarball, and
# pulls the base image from its registry: neither is possible offline, so CI (which reaches no image
# registry) does not run this script. deploy/Dockerfile.jvm remains for those with Docker.
set -euo pipefail
cd "$(dirname "$0")/.."
check_only=false
if [ "${1:-}" = "--check-only" ]; then check_only=true; shift; fi
[ $# -ge 1 ] || { sed -n '2,13p' "$0" >&2; exit 2; }
target=$1; tag=${2:-1.0.0}
host=${target%%/*}; group=${target#*/}
[ "$group" != "$target" ] || { echo "name the registry and a path, e.g. registry.example.gov.cn/ruralfund" >&2; exit 2; }
services=(project-service budget-service acceptance-service publicity-service reporting-service)
scheme=https; [ "${INSECURE:-false}" = true ] && scheme=http

if ! $check_only; then
  ./mvnw -B package -DskipTests -Pimages -pl "$(IFS=,; echo "${services[*]}")" -am \
    -Dquarkus.container-image.registry="$host" -Dquarkus.container-image.group="$group" \
    -Dquarkus.container-image.tag="$tag" -Dquarkus.container-image.push=true \
    -Dquarkus.container-image.insecure="${INSECURE:-false}" \
    ${REGISTRY_USER:+-Dquarkus.container-image.username="$REGISTRY_USER"} \
    ${REGISTRY_PASSWORD:+-Dquarkus.container-image.password="$REGISTRY_PASSWORD"}
fi

auth=(); [ -n "${REGISTRY_USER:-}" ] && auth=(-u "$REGISTRY_USER:${REGISTRY_PASSWORD:-}")
failed=0
for s in "${services[@]}"; do
  base="$scheme://$host/v2/$group/$s"
  manifest=$(curl -sf "${auth[@]}" -H 'Accept: application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json' \
    "$base/manifests/$tag") || { echo "FAIL $s:$tag: no manifest at $base/manifests/$tag"; failed=1; continue; }
  digest=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["config"]["digest"])' "$manifest")
  config=$(curl -sfL "${auth[@]}" "$base/blobs/$digest") || { echo "FAIL $s:$tag: config blob $digest missing"; failed=1; continue; }
  python3 - "$s:$tag" "$manifest" "$config" <<'PY' || failed=1
import json, sys
name, manifest, config = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
c = config.get('config') or {}
problems = []
if not manifest.get('layers'):
    problems.append('no layers')
user = str(c.get('User') or '')
if user in ('', '0', 'root') or user.startswith(('0:', 'root:')):
    problems.append('runs as root (User %r)' % user)
command = ' '.join((c.get('Entrypoint') or []) + (c.get('Cmd') or []))
if 'java' not in command:
    problems.append('entrypoint does not run java: %r' % command)
ports = set(c.get('ExposedPorts') or {})
for p in ('8080/tcp', '9000/tcp'):
    if p not in ports:
        problems.append('port %s not declared' % p)
print(('FAIL %s: %s' % (name, '; '.join(problems))) if problems else
      'ok   %s: %d layers, user %s, entrypoint %s' % (name, len(manifest['layers']), user, command[:80]))
sys.exit(1 if problems else 0)
PY
done
exit $failed
