#!/usr/bin/env bash
# Checks deploy/ (CI runs it; needs kubectl, promtool from the Debian package prometheus, python3):
#   1. the PrometheusRule wrapper is current with monitoring/alerts.yaml (--update rewrites it);
#   2. every overlay renders with `kubectl kustomize`;
#   3. promtool checks the alert rules and runs their unit tests (monitoring/alerts.test.yaml);
#   4. every PromQL expression of the dashboards parses (promtool, as recording rules);
#   5. check_manifests.py checks the rendered objects against the code (probes, limits, non-root,
#      read-only root, a KafkaTopic and ACLs for every topic the code uses, ServiceMonitors on the
#      management port, NetworkPolicies, databases, no committed Secret, backups in prod);
#   6. check_manifests_test.py: each of those checks fails on a broken manifest.
#   deploy/check.sh            check
#   deploy/check.sh --update   regenerate monitoring/prometheus-rule.yaml first
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1
cd "$(dirname "$0")"
for tool in kubectl promtool python3; do
  command -v "$tool" >/dev/null || { echo "deploy/check.sh needs $tool (promtool: apt-get install prometheus)" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

prometheus_rule() { # the alert rules wrapped for the Prometheus operator
  cat <<'HEAD'
# GENERATED from alerts.yaml by deploy/check.sh --update: edit alerts.yaml, not this file.
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: ruralfund-alerts
  labels: {app.kubernetes.io/part-of: ruralfund, role: alert-rules}
spec:
HEAD
  grep -v '^#' monitoring/alerts.yaml | sed -e 's/^\(.\)/  \1/'
}
if [ "${1:-}" = "--update" ]; then
  prometheus_rule >monitoring/prometheus-rule.yaml
fi
if ! diff -q <(prometheus_rule) monitoring/prometheus-rule.yaml >/dev/null; then
  echo "FAIL monitoring/prometheus-rule.yaml is stale: run deploy/check.sh --update" >&2; exit 1
fi

rendered=()
for overlay in overlays/*/; do
  name=$(basename "$overlay")
  kubectl kustomize "$overlay" >"$work/$name.yaml"
  echo "rendered overlays/$name: $(grep -c '^kind:' "$work/$name.yaml") objects"
  rendered+=("$work/$name.yaml")
done
kubectl kustomize templates >"$work/templates.yaml"

promtool check rules monitoring/alerts.yaml
promtool test rules monitoring/alerts.test.yaml

# Dashboards: valid JSON, and each expression (template variables given a value) parses.
python3 - "$work/dashboards.rules.yaml" monitoring/dashboards/*.json <<'PY'
import json, sys
out, files = sys.argv[1], sys.argv[2:]
rules = []
for f in files:
    d = json.load(open(f, encoding='utf-8'))
    for p in d.get('panels', []):
        for t in p.get('targets', []):
            e = t['expr'].replace('$program', '.*').replace('$__rate_interval', '5m')
            rules.append('      - record: dashboard:%s:%d:%s\n        expr: %s' % (d['uid'].replace('-', '_'), p['id'], t['refId'], json.dumps(e)))
open(out, 'w').write('groups:\n  - name: dashboards\n    rules:\n' + '\n'.join(rules) + '\n')
print('dashboards: %d files, %d expressions' % (len(files), len(rules)))
PY
promtool check rules "$work/dashboards.rules.yaml" >/dev/null && echo "dashboards: every expression parses"

# The checker reads kustomize's YAML without PyYAML; where PyYAML is installed, prove it reads the same.
if python3 -c 'import yaml' 2>/dev/null; then
  python3 - "${rendered[@]}" "$work/templates.yaml" <<'PY'
import sys, yaml
sys.path.insert(0, '.')
from check_manifests import load_all
for f in sys.argv[1:]:
    text = open(f, encoding='utf-8').read()
    assert load_all(text) == [d for d in yaml.safe_load_all(text) if d is not None], f + ': check_manifests reads it differently from PyYAML'
print('check_manifests reads the rendered YAML as PyYAML does')
PY
fi

python3 check_manifests.py .. "${rendered[@]}" --templates "$work/templates.yaml"
# ...and each of its checks fails on a manifest broken the way it names.
python3 check_manifests_test.py 2>&1 | tail -1
