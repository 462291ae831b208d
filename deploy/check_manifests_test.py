#!/usr/bin/env python3
"""Each check of check_manifests.py fails on a manifest broken in the way it names (stdlib unittest).

    python3 deploy/check_manifests_test.py      (needs kubectl; deploy/check.sh runs it)
"""
import copy
import subprocess
import unittest
from pathlib import Path

from check_manifests import Checker, Code, load_all

DEPLOY = Path(__file__).resolve().parent
ROOT = DEPLOY.parent


def render(overlay):
    return load_all(subprocess.run(['kubectl', 'kustomize', str(DEPLOY / 'overlays' / overlay)],
                                   check=True, capture_output=True, text=True).stdout)


class CheckManifestsTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.code = Code(ROOT)
        cls.readme = (DEPLOY / 'README.md').read_text(encoding='utf-8')
        cls.prod = render('prod')

    def failures(self, objects, where='prod', code=None):
        checker = Checker(code or self.code, self.readme)
        checker.check_overlay(where, objects)
        return checker.failures

    def broken(self, kind, name, change):
        objects = copy.deepcopy(self.prod)
        for o in objects:
            if o['kind'] == kind and o['metadata']['name'] == name:
                change(o)
                return objects
        raise AssertionError('no %s/%s' % (kind, name))

    def without(self, kind, name):
        return [o for o in copy.deepcopy(self.prod) if not (o['kind'] == kind and o['metadata']['name'] == name)]

    def assertFails(self, objects, text, **kw):
        failures = self.failures(objects, **kw)
        self.assertTrue(any(text in f for f in failures), 'expected a failure with %r, got %s' % (text, failures))

    def test_theCodeNamesFiveServicesAndTheirTopicsIncludingDeadLetters(self):
        self.assertEqual({'project-service', 'budget-service', 'acceptance-service', 'publicity-service', 'reporting-service'},
                         set(self.code.services))
        topics = self.code.topics()
        self.assertIn('ruralfund.budget-service.dead-letter', topics)
        self.assertIn('ruralfund.project.events', topics)
        self.assertNotIn(self.code.placeholder, topics)
        self.assertEqual('budget-service.project-events', self.code.services['budget-service']['consumes']['ruralfund.project.events'])

    def test_anOverlayThatDoesNotExportTracesFails(self):
        self.assertFails(self.broken('ConfigMap', 'ruralfund-platform', lambda c: c['data'].pop('PLATFORM_TRACING_EXPORT')),
                         'traces are not exported')
        self.assertFails(self.broken('ConfigMap', 'ruralfund-platform', lambda c: c['data'].pop('QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT')),
                         'traces are not exported')

    def test_aServiceThatMayNotReachTheCollectorFails(self):
        def no_collector(p):
            p['spec']['egress'] = [e for e in p['spec']['egress'] if all(port.get('port') != 4317 for port in e.get('ports') or [])]
        self.assertFails(self.broken('NetworkPolicy', 'reporting-service', no_collector), 'reach the OTLP collector (port 4317)')

    def test_theCommittedOverlaysPass(self):
        self.assertEqual([], self.failures(self.prod, 'prod'))
        self.assertEqual([], self.failures(render('dev'), 'dev'))

    def test_deploymentWithoutReadinessProbeFails(self):
        def change(d):
            del d['spec']['template']['spec']['containers'][0]['readinessProbe']
        self.assertFails(self.broken('Deployment', 'budget-service', change), 'no readinessProbe')

    def test_probeOnTheApiPortFails(self):
        def change(d):
            d['spec']['template']['spec']['containers'][0]['livenessProbe']['httpGet']['port'] = 'http'
        self.assertFails(self.broken('Deployment', 'budget-service', change), 'livenessProbe is not on the management port')

    def test_writableRootFilesystemFails(self):
        def change(d):
            d['spec']['template']['spec']['containers'][0]['securityContext']['readOnlyRootFilesystem'] = False
        self.assertFails(self.broken('Deployment', 'project-service', change), 'root filesystem is not read-only')

    def test_rootUserFails(self):
        def change(d):
            del d['spec']['template']['spec']['securityContext']['runAsNonRoot']
        self.assertFails(self.broken('Deployment', 'reporting-service', change), 'runAsNonRoot is not true')

    def test_missingMemoryLimitFails(self):
        def change(d):
            del d['spec']['template']['spec']['containers'][0]['resources']['limits']['memory']
        self.assertFails(self.broken('Deployment', 'publicity-service', change), 'no limits.memory')

    def test_aTopicTheCodeUsesWithoutKafkaTopicFails(self):
        self.assertFails(self.without('KafkaTopic', 'ruralfund.budget.events'), 'topic ruralfund.budget.events')
        self.assertFails(self.without('KafkaTopic', 'ruralfund.acceptance-service.dead-letter'), 'no KafkaTopic')

    def test_aNewlyConsumedTopicNeedsItsKafkaTopicAndAcl(self):
        code = copy.deepcopy(self.code)
        code.services['reporting-service']['consumes']['ruralfund.sales.events'] = 'reporting-service.sales-events'
        failures = self.failures(self.prod, code=code)
        self.assertTrue(any('ruralfund.sales.events' in f and 'no KafkaTopic' in f for f in failures), failures)
        self.assertTrue(any('may not read ruralfund.sales.events' in f for f in failures), failures)

    def test_aConsumerGroupOutsideTheServicePrefixFails(self):
        code = copy.deepcopy(self.code)
        code.services['budget-service']['consumes']['ruralfund.project.events'] = 'budget.project-events'
        self.assertFails(self.prod, 'may not join its consumer group budget.project-events', code=code)

    def test_aServiceThatMayNotWriteItsDeadLetterTopicFails(self):
        def change(u):
            u['spec']['authorization']['acls'] = [a for a in u['spec']['authorization']['acls']
                                                  if not a['resource'].get('name', '').endswith('dead-letter')]
        self.assertFails(self.broken('KafkaUser', 'project-service', change), 'may not write ruralfund.project-service.dead-letter')

    def test_missingServiceMonitorFails(self):
        self.assertFails(self.without('ServiceMonitor', 'acceptance-service'), 'no ServiceMonitor')

    def test_serviceMonitorOnTheApiPortFails(self):
        def change(m):
            m['spec']['endpoints'][0]['port'] = 'http'
        self.assertFails(self.broken('ServiceMonitor', 'budget-service', change), 'no ServiceMonitor scraping /q/metrics on the management port')

    def test_missingNetworkPolicyFails(self):
        self.assertFails(self.without('NetworkPolicy', 'publicity-service'), 'no NetworkPolicy')

    def test_aCommittedSecretFails(self):
        objects = copy.deepcopy(self.prod) + [{'apiVersion': 'v1', 'kind': 'Secret', 'metadata': {'name': 'oops'}, 'stringData': {'a': 'b'}}]
        self.assertFails(objects, 'Secret/oops is rendered')

    def test_ingressToMetricsFails(self):
        def change(i):
            i['spec']['rules'][0]['http']['paths'].append(
                {'path': '/q/metrics', 'pathType': 'Prefix', 'backend': {'service': {'name': 'budget-service', 'port': {'name': 'management'}}}})
        objects = self.broken('Ingress', 'ruralfund-portal', change)
        self.assertFails(objects, "routes '/q/metrics'")
        self.assertFails(objects, 'routes to the management port')

    def test_prodTopicWithOneReplicaFails(self):
        def change(t):
            t['spec']['replicas'] = 1
        self.assertFails(self.broken('KafkaTopic', 'ruralfund.publicity.events', change), 'replicas 1 in prod')

    def test_prodWithoutScheduledBackupFails(self):
        self.assertFails(self.without('ScheduledBackup', 'ruralfund-db-nightly'), 'no ScheduledBackup')

    def test_aServiceWithoutItsOwnDatabaseFails(self):
        self.assertFails(self.without('Database', 'ruralfund-db-reporting'), "no PostgreSQL database 'reporting'")

    def test_aServiceTheServiceDownAlertForgetsFails(self):
        code = copy.deepcopy(self.code)
        code.services['sales-service'] = dict(code.services['reporting-service'], db='sales', consumes={}, produces=set(),
                                              dead_letter=None)
        self.assertFails(self.prod, 'the ServiceDown alert does not cover sales-service', code=code)

    def test_bureauTemplateThatWritesFails(self):
        templates = load_all(subprocess.run(['kubectl', 'kustomize', str(DEPLOY / 'templates')],
                                            check=True, capture_output=True, text=True).stdout)
        checker = Checker(self.code, self.readme)
        checker.check_templates(templates)
        self.assertEqual([], checker.failures)
        templates[0]['spec']['authorization']['acls'][0]['operations'].append('Write')
        checker.check_templates(templates)
        self.assertTrue(any('a bureau may only read' in f for f in checker.failures), checker.failures)


class YamlReaderTest(unittest.TestCase):

    def test_readsWhatKustomizeWrites(self):
        text = '\n'.join([
            'apiVersion: v1',
            'kind: ConfigMap',
            'metadata:',
            '  annotations:',
            '    a.b/c: "true"',
            "    quote: 'it''s'",
            'data:',
            '  JAVA: -XX:+UseSerialGC -Dx=1',
            '    -Dy=2',
            '  json: |',
            '    {',
            '     "a": [1]',
            '    }',
            '  list:',
            '  - name: x',
            '    ports:',
            '    - 80',
            '    - "90"',
            '  - plain',
            '  empty: {}',
            '---',
            'kind: B',
        ])
        docs = load_all(text)
        self.assertEqual(2, len(docs))
        self.assertEqual({'a.b/c': 'true', 'quote': "it's"}, docs[0]['metadata']['annotations'])
        self.assertEqual('-XX:+UseSerialGC -Dx=1 -Dy=2', docs[0]['data']['JAVA'])
        self.assertEqual('{\n "a": [1]\n}\n', docs[0]['data']['json'])
        self.assertEqual([{'name': 'x', 'ports': [80, '90']}, 'plain'], docs[0]['data']['list'])
        self.assertEqual({}, docs[0]['data']['empty'])
        self.assertEqual({'kind': 'B'}, docs[1])


if __name__ == '__main__':
    unittest.main(verbosity=1)
