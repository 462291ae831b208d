#!/usr/bin/env python3
"""Checks that the metric names the alert rules and dashboards use are served by the running services.

    python3 deploy/check_live_metrics.py http://localhost:9081/q/metrics http://localhost:9082/q/metrics ...

(bin/run serves them on the management ports 9081-9085.) Takes every PromQL expression of
monitoring/alerts.yaml and monitoring/dashboards/*.json, extracts the metric names, scrapes the URLs,
and prints each name as served, not served by a service (Kafka Exporter's and Prometheus' own), or
MISSING. Exits 1 if a name is missing that is not listed in PENDING below (names the services are
still to expose, as deploy/README.md's table says). Python 3 standard library only.
"""
import json
import re
import sys
import urllib.request
from pathlib import Path

MONITORING = Path(__file__).resolve().parent / 'monitoring'

# Served by something other than the services.
ELSEWHERE = {'up', 'kafka_consumergroup_lag', 'kafka_consumergroup_current_offset', 'kafka_topic_partition_current_offset'}
# Still to be exposed by the services (deploy/README.md, "Metrics the alerts and dashboards read").
PENDING = {
    'ruralfund_dead_letters_total',  # served from a service's first dead letter on (a counter per reason)
    'ruralfund_budget_execution_rate_planned',
    'ruralfund_reporting_obligations_overdue', 'ruralfund_reporting_indicator_achieved',
}
KEYWORDS = {'and', 'or', 'unless', 'by', 'without', 'on', 'ignoring', 'offset', 'bool', 'group_left', 'group_right', 'inf', 'nan',
            'sum', 'min', 'max', 'avg', 'count', 'group', 'stddev', 'stdvar', 'topk', 'bottomk', 'quantile', 'count_values'}


def expressions():
    out = []
    # alerts.yaml: the "expr:" entries, one line or a "|" block
    lines = (MONITORING / 'alerts.yaml').read_text(encoding='utf-8').split('\n')
    i = 0
    while i < len(lines):
        m = re.match(r'^(\s*)expr:\s*(.*)$', lines[i])
        if m:
            if m.group(2).strip() == '|':
                block, i = [], i + 1
                while i < len(lines) and (not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip()) > len(m.group(1))):
                    block.append(lines[i])
                    i += 1
                out.append('\n'.join(block))
                continue
            out.append(m.group(2))
        i += 1
    for f in sorted((MONITORING / 'dashboards').glob('*.json')):
        for p in json.loads(f.read_text(encoding='utf-8')).get('panels', []):
            out.extend(t['expr'] for t in p.get('targets', []))
    return out


def metric_names(expr):
    e = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)  # string literals
    e = re.sub(r'\{[^}]*\}', '', e)  # label matchers
    e = re.sub(r'\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)', r'\1', e)  # label lists
    e = re.sub(r'\[[^\]]*\]', '', e)  # ranges
    e = re.sub(r'\boffset\s+\w+', '', e)
    names = set()
    for m in re.finditer(r'(?<![\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\s*\()?', e):
        name, call = m.group(1), m.group(2)
        if call or name.lower() in KEYWORDS:
            continue
        names.add(name)
    return names


def main(urls):
    if not urls:
        print(__doc__)
        return 2
    used = set()
    for e in expressions():
        used |= metric_names(e)
    served = set()
    for url in urls:
        text = urllib.request.urlopen(url, timeout=10).read().decode('utf-8')
        served |= {m.group(1) for m in re.finditer(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]', text, re.M)}
    missing = []
    for name in sorted(used):
        if name in served:
            state = 'served'
        elif name in ELSEWHERE:
            state = 'not from the services (Prometheus, Kafka Exporter)'
        elif name in PENDING:
            state = 'not yet served (pending, see deploy/README.md)'
        else:
            state = 'MISSING'
            missing.append(name)
        print('%-55s %s' % (name, state))
    print('%d metric names in the alerts and dashboards, %d served by %d scrapes, %d missing'
          % (len(used), len(used & served), len(urls), len(missing)))
    return 1 if missing else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
