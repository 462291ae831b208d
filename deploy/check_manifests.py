#!/usr/bin/env python3
"""Checks the rendered Kubernetes manifests against the code (python3 standard library only).

    python3 deploy/check_manifests.py <repository root> <rendered overlay>.yaml... [--templates <file>]

Each rendered file is the output of `kubectl kustomize deploy/overlays/<name>`. What is checked:
  * every Deployment: startup, readiness and liveness probes on the management port, CPU and memory
    requests and limits, runs as non-root with seccomp RuntimeDefault, read-only root filesystem with
    an emptyDir on /tmp, no privilege escalation, all capabilities dropped;
  * every service of the repository (a module with quarkus.application.name in its
    application.properties) has a Deployment whose database is the one the code names
    (platform.db.name), a Service with a management port, a ServiceMonitor scraping /q/metrics on
    that port, a NetworkPolicy for Ingress and Egress, a PodDisruptionBudget, a KafkaUser, and a
    PostgreSQL database owned by a role of its own;
  * every topic the code uses (the services' mp.messaging channels, their dead-letter topics as the
    platform's configuration names them, the families of the event contracts and the constants of
    Topics.java) has a KafkaTopic with a stated retention and appears in the KafkaUsers' ACLs: the
    consuming service may read it in its own consumer group, the publishing service may write it;
  * no Secret is rendered (none is committed), and every Secret referenced is described in
    deploy/README.md (except the Kafka users' Secrets, which Strimzi writes);
  * the Ingress routes only to API ports, never to /q or the management port;
  * the ServiceDown alert covers every service, even one with no target at all;
  * traces: the services' ConfigMap exports spans over OTLP (PLATFORM_TRACING_EXPORT=otlp and an
    endpoint), and each service's NetworkPolicy lets it reach the endpoint's port;
  * an overlay named prod: replication 3 on every topic, PostgreSQL backups scheduled;
  * the read-only bureau template (--templates) grants reads only.
Prints one line per failure and exits 1 if there is any.
"""
import json
import re
import sys
from pathlib import Path


# --- A reader for the YAML that kustomize writes: block style, two-space indents, sequences at the
# indent of their key, plain/single/double-quoted scalars, literal block scalars. Not a general YAML
# parser; it fails loudly on anything else (check.sh compares it with PyYAML where that is installed).

class YamlError(Exception):
    pass


KEY = re.compile(r'''^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s'"#\-][^#]*?|-[^\s][^#]*?)\s*:(?:\s+(.*))?$''')


def _indent(line):
    return len(line) - len(line.lstrip(' '))


def _scalar(text):
    text = text.strip()
    if text.startswith('"'):
        if not text.endswith('"') or len(text) < 2:
            raise YamlError('unterminated double-quoted scalar: ' + text)
        return json.loads(text.replace('\\/', '/'))
    if text.startswith("'"):
        if not text.endswith("'") or len(text) < 2:
            raise YamlError('unterminated single-quoted scalar: ' + text)
        return text[1:-1].replace("''", "'")
    if ' #' in text:
        text = text[:text.index(' #')].rstrip()
    if text == '{}':
        return {}
    if text == '[]':
        return []
    if text in ('null', '~', ''):
        return None
    if text in ('true', 'True'):
        return True
    if text in ('false', 'False'):
        return False
    if re.fullmatch(r'[-+]?[0-9]+', text):
        return int(text)
    if re.fullmatch(r'[-+]?([0-9]*\.[0-9]+|[0-9]+\.[0-9]*)([eE][-+]?[0-9]+)?', text):
        return float(text)
    if text[0] in '{[&*!|>%@`':
        raise YamlError('unsupported scalar: ' + text)
    return text


class _Reader:
    def __init__(self, text):
        self.lines = text.split('\n')
        self.i = 0

    def _skip(self):
        while self.i < len(self.lines):
            s = self.lines[self.i].strip()
            if s and not s.startswith('#'):
                return True
            self.i += 1
        return False

    def node(self, indent):
        if not self._skip():
            return None
        line = self.lines[self.i]
        n = _indent(line)
        if n < indent:
            return None
        content = line.strip()
        if content == '-' or content.startswith('- '):
            return self.sequence(n)
        if KEY.match(content):
            return self.mapping(n)
        self.i += 1
        return _scalar(content)

    def block(self, parent_indent, style):
        out, self.i = [], self.i + 1
        block_indent = None
        while self.i < len(self.lines):
            line = self.lines[self.i]
            if line.strip() == '':
                out.append('')
                self.i += 1
                continue
            n = _indent(line)
            if n <= parent_indent:
                break
            if block_indent is None:
                block_indent = n
            if n < block_indent:
                raise YamlError('bad block scalar indentation at line %d' % (self.i + 1))
            out.append(line[block_indent:])
            self.i += 1
        while out and out[-1] == '':
            out.pop()
        if style.startswith('>'):
            raise YamlError('folded block scalars are not supported')
        text = '\n'.join(out)
        return text if style.endswith('-') else text + '\n'

    def value(self, rest, indent):
        """The value after "key:" or "- " on the current line (self.i still on it)."""
        if rest is None or rest == '':
            self.i += 1
            if not self._skip():
                return None
            nxt = self.lines[self.i]
            n = _indent(nxt)
            if n > indent:
                return self.node(n)
            if n == indent and (nxt.strip().startswith('- ') or nxt.strip() == '-'):
                return self.sequence(n)
            return None
        if rest in ('|', '|-', '|+', '>', '>-'):
            return self.block(indent, rest)
        return _scalar(self.continued(rest, indent))

    def continued(self, text, indent):
        """A scalar that kustomize wrapped over more lines (each indented deeper): folded with spaces."""
        self.i += 1
        while self.i < len(self.lines) and self.lines[self.i].strip() and _indent(self.lines[self.i]) > indent:
            part = self.lines[self.i].strip()
            if text.startswith('"') and text.endswith('\\') and not text.endswith('\\\\'):
                text = text[:-1] + part
            else:
                text = text + ' ' + part
            self.i += 1
        return text

    def mapping(self, indent):
        out = {}
        while self._skip():
            line = self.lines[self.i]
            n = _indent(line)
            if n < indent:
                break
            if n > indent:
                raise YamlError('unexpected indentation at line %d: %r' % (self.i + 1, line))
            content = line.strip()
            if content.startswith('- ') or content == '-':
                break
            m = KEY.match(content)
            if not m:
                raise YamlError('not a mapping entry at line %d: %r' % (self.i + 1, line))
            key = _scalar(m.group(1))
            out[str(key) if not isinstance(key, str) else key] = self.value(m.group(2), indent)
        return out

    def sequence(self, indent):
        out = []
        while self._skip():
            line = self.lines[self.i]
            n = _indent(line)
            content = line.strip()
            if n != indent or not (content.startswith('- ') or content == '-'):
                if n > indent:
                    raise YamlError('unexpected indentation at line %d: %r' % (self.i + 1, line))
                break
            item = content[1:].strip()
            if item == '':
                out.append(self.value('', indent))
            elif KEY.match(item) and not item.startswith(('"', "'")) or re.match(r'''^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')\s*:(\s|$)''', item):
                # "- key: value": a mapping whose entries sit at indent + 2
                self.lines[self.i] = ' ' * (indent + 2) + item
                out.append(self.mapping(indent + 2))
            elif item in ('|', '|-', '|+'):
                out.append(self.block(indent, item))
            else:
                out.append(_scalar(self.continued(item, indent)))
        return out


def load_all(text):
    docs, current = [], []
    for line in text.split('\n'):
        if line.rstrip() == '---':
            docs.append('\n'.join(current))
            current = []
        else:
            current.append(line)
    docs.append('\n'.join(current))
    out = []
    for doc in docs:
        reader = _Reader(doc)
        value = reader.node(0)
        if reader._skip():
            raise YamlError('unparsed content at line %d: %r' % (reader.i + 1, reader.lines[reader.i]))
        if value is not None:
            out.append(value)
    return out


# --- What the code uses

def properties(path):
    out = {}
    for line in Path(path).read_text(encoding='utf-8').splitlines():
        line = line.strip()
        if not line or line.startswith(('#', '!')) or '=' not in line:
            continue
        key, value = line.split('=', 1)
        out[key.strip()] = value.strip()
    return out


def resolve(value, props):
    return re.sub(r'\$\{([^}:]+)(?::([^}]*))?\}', lambda m: props.get(m.group(1), m.group(2) or m.group(0)), value)


class Code:
    """The services, their databases and the topics they use, read from the repository."""

    def __init__(self, root):
        root = Path(root)
        platform = properties(root / 'platform/src/main/resources/META-INF/microprofile-config.properties')
        self.services = {}  # name -> {db, consumes: {topic: group}, produces: set, dead_letter}
        for props_file in sorted(root.glob('*/src/main/resources/application.properties')):
            props = properties(props_file)
            name = props.get('quarkus.application.name')
            if not name:
                continue
            merged = dict(platform)
            merged.update(props)
            consumes, produces = {}, set()
            for key, value in props.items():
                m = re.fullmatch(r'mp\.messaging\.(incoming|outgoing)\.([^.]+)\.topic', key)
                if not m:
                    continue
                topic = resolve(value, merged)
                if m.group(1) == 'incoming':
                    consumes[topic] = resolve(props.get('mp.messaging.incoming.%s.group.id' % m.group(2), ''), merged)
                else:
                    produces.add(topic)
            dlq = merged.get('mp.messaging.connector.smallrye-kafka.dead-letter-queue.topic')
            self.services[name] = {
                'module': props_file.parents[3].name,
                'db': props.get('platform.db.name'),
                'consumes': consumes,
                'produces': produces,
                'dead_letter': resolve(dlq, merged) if dlq else None,
            }
        # Families of the event contracts and the constants of Topics.java: ruralfund.<family>.events
        self.families = set()
        for java in root.glob('platform/src/main/java/**/*.java'):
            text = java.read_text(encoding='utf-8')
            self.families.update(re.findall(r'new\s+EventType<>\(\s*"([a-z0-9-]+)"', text))
            self.families.update(re.findall(r'"ruralfund\.([a-z0-9-]+)\.events"', text))
        # The outbox channel's default topic is a placeholder: OutboxRelay sets each record's topic.
        self.placeholder = platform.get('mp.messaging.outgoing.outbox.topic')

    def topics(self):
        """topic -> why the code uses it."""
        out = {}
        for family in self.families:
            out.setdefault('ruralfund.%s.events' % family, []).append('event family ' + family)
        for name, s in self.services.items():
            for t in s['consumes']:
                out.setdefault(t, []).append(name + ' consumes it')
            for t in s['produces']:
                out.setdefault(t, []).append(name + ' produces it')
            if s['dead_letter']:
                out.setdefault(s['dead_letter'], []).append(name + "'s dead-letter topic")
        out.pop(self.placeholder, None)
        return out

    def publisher(self, family):
        name = family + '-service'
        return name if name in self.services else None


# --- The checks

class Checker:
    def __init__(self, code, readme):
        self.code = code
        self.readme = readme
        self.failures = []

    def fail(self, where, message):
        self.failures.append('%s: %s' % (where, message))

    @staticmethod
    def by_kind(objects, kind):
        return [o for o in objects if o.get('kind') == kind]

    @staticmethod
    def name(o):
        return o.get('metadata', {}).get('name')

    def check_deployment(self, where, d):
        w = '%s Deployment/%s' % (where, self.name(d))
        pod = d.get('spec', {}).get('template', {}).get('spec', {})
        psc = pod.get('securityContext') or {}
        if psc.get('runAsNonRoot') is not True:
            self.fail(w, 'pod securityContext.runAsNonRoot is not true')
        if (psc.get('seccompProfile') or {}).get('type') != 'RuntimeDefault':
            self.fail(w, 'pod seccompProfile is not RuntimeDefault')
        volumes = {v.get('name'): v for v in pod.get('volumes') or []}
        for c in pod.get('containers') or []:
            cw = '%s container %s' % (w, c.get('name'))
            ports = {p.get('name'): p.get('containerPort') for p in c.get('ports') or []}
            for probe in ('startupProbe', 'readinessProbe', 'livenessProbe'):
                p = c.get(probe)
                if not p:
                    self.fail(cw, 'no ' + probe)
                    continue
                port = (p.get('httpGet') or {}).get('port')
                if port != 'management' and port != ports.get('management'):
                    self.fail(cw, '%s is not on the management port (%r)' % (probe, port))
            res = c.get('resources') or {}
            for part in ('requests', 'limits'):
                for r in ('cpu', 'memory'):
                    if not (res.get(part) or {}).get(r):
                        self.fail(cw, 'no %s.%s' % (part, r))
            sc = c.get('securityContext') or {}
            if sc.get('readOnlyRootFilesystem') is not True:
                self.fail(cw, 'root filesystem is not read-only')
            if sc.get('allowPrivilegeEscalation') is not False:
                self.fail(cw, 'allowPrivilegeEscalation is not false')
            if sc.get('privileged') is True:
                self.fail(cw, 'privileged')
            if 'ALL' not in ((sc.get('capabilities') or {}).get('drop') or []):
                self.fail(cw, 'capabilities do not drop ALL')
            if sc.get('runAsNonRoot') is False or sc.get('runAsUser') == 0:
                self.fail(cw, 'container runs as root')
            tmp = [m for m in c.get('volumeMounts') or [] if m.get('mountPath') == '/tmp']
            if not tmp or 'emptyDir' not in volumes.get(tmp[0].get('name'), {}):
                self.fail(cw, 'no emptyDir mounted on /tmp (the root filesystem is read-only)')
            if 'management' not in ports:
                self.fail(cw, 'no container port named management')

    @staticmethod
    def selects(selector, labels):
        match = (selector or {}).get('matchLabels') or {}
        return bool(match) and all(labels.get(k) == v for k, v in match.items())

    @staticmethod
    def acl_covers(acl, kind, name):
        r = acl.get('resource') or {}
        if r.get('type') != kind:
            return False
        pattern = r.get('patternType', 'literal')
        if pattern == 'prefix':
            return name.startswith(r.get('name', ''))
        return r.get('name') in (name, '*')

    def may(self, user, kind, name, operation):
        for acl in ((user.get('spec') or {}).get('authorization') or {}).get('acls') or []:
            ops = acl.get('operations') or ([acl['operation']] if acl.get('operation') else [])
            if self.acl_covers(acl, kind, name) and (operation in ops or 'All' in ops):
                return True
        return False

    def check_overlay(self, where, objects):
        deployments = {self.name(d): d for d in self.by_kind(objects, 'Deployment')}
        for d in deployments.values():
            self.check_deployment(where, d)
        services = {self.name(s): s for s in self.by_kind(objects, 'Service')}
        monitors = self.by_kind(objects, 'ServiceMonitor')
        policies = self.by_kind(objects, 'NetworkPolicy')
        pdbs = self.by_kind(objects, 'PodDisruptionBudget')
        users = {self.name(u): u for u in self.by_kind(objects, 'KafkaUser')}
        topics = {}
        for t in self.by_kind(objects, 'KafkaTopic'):
            topics[(t.get('spec') or {}).get('topicName') or self.name(t)] = t
        clusters = self.by_kind(objects, 'Cluster')
        databases = self.by_kind(objects, 'Database')

        for s in self.by_kind(objects, 'Secret'):
            self.fail(where, 'Secret/%s is rendered: secrets are made in the cluster, never committed' % self.name(s))

        # Traces leave each service over OTLP (components/tracing): an endpoint, and the switch on.
        otlp_port = None
        settings = {}
        for cm in self.by_kind(objects, 'ConfigMap'):
            if self.name(cm) == 'ruralfund-platform':
                settings = cm.get('data') or {}
        endpoint = settings.get('QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT') or settings.get('QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT')
        if settings.get('PLATFORM_TRACING_EXPORT') != 'otlp' or not endpoint:
            self.fail(where, 'traces are not exported: ConfigMap ruralfund-platform needs PLATFORM_TRACING_EXPORT=otlp and '
                             'QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (include components/tracing)')
        else:
            m = re.match(r'^https?://[^/:]+(?::(\d+))?', endpoint)
            otlp_port = int(m.group(1)) if m and m.group(1) else (4317 if m else None)
            if otlp_port is None:
                self.fail(where, 'OTLP endpoint %r is not an http(s) URL' % endpoint)

        for name, svc in self.code.services.items():
            w = '%s %s' % (where, name)
            d = deployments.get(name)
            if not d:
                self.fail(w, 'no Deployment')
                continue
            pod_labels = d['spec']['template']['metadata'].get('labels') or {}
            env = {e.get('name'): e.get('value') for c in d['spec']['template']['spec'].get('containers') or []
                   for e in c.get('env') or []}
            if env.get('PLATFORM_DB_NAME') != svc['db']:
                self.fail(w, 'PLATFORM_DB_NAME is %r, the code says %r' % (env.get('PLATFORM_DB_NAME'), svc['db']))
            k8s_service = services.get(name)
            mgmt = [p for p in (k8s_service or {}).get('spec', {}).get('ports') or [] if p.get('name') == 'management']
            if not mgmt:
                self.fail(w, 'no Service with a port named management')
            if not any(self.selects(m.get('spec', {}).get('selector'), (k8s_service or {}).get('metadata', {}).get('labels') or {})
                       and any(e.get('port') == 'management' and e.get('path', '/metrics') == '/q/metrics'
                               for e in m['spec'].get('endpoints') or [])
                       for m in monitors):
                self.fail(w, 'no ServiceMonitor scraping /q/metrics on the management port')
            nps = [p for p in policies if self.selects(p.get('spec', {}).get('podSelector'), pod_labels)]
            if not nps:
                self.fail(w, 'no NetworkPolicy')
            elif not any({'Ingress', 'Egress'} <= set(p['spec'].get('policyTypes') or []) for p in nps):
                self.fail(w, 'its NetworkPolicy does not restrict both Ingress and Egress')
            if not any(self.selects(p.get('spec', {}).get('selector'), pod_labels) for p in pdbs):
                self.fail(w, 'no PodDisruptionBudget')
            if otlp_port and not any(port.get('port') == otlp_port for p in nps for e in p['spec'].get('egress') or []
                                     for port in e.get('ports') or []):
                self.fail(w, 'its NetworkPolicy does not let it reach the OTLP collector (port %d)' % otlp_port)
            user = users.get(name)
            if not user:
                self.fail(w, 'no KafkaUser')
            else:
                for topic, group in svc['consumes'].items():
                    if not self.may(user, 'topic', topic, 'Read'):
                        self.fail(w, 'KafkaUser may not read %s, which it consumes' % topic)
                    if not group:
                        self.fail(w, 'channel on %s has no group.id' % topic)
                    elif not self.may(user, 'group', group, 'Read'):
                        self.fail(w, 'KafkaUser may not join its consumer group %s' % group)
                for topic in svc['produces'] | ({svc['dead_letter']} if svc['dead_letter'] else set()):
                    if not self.may(user, 'topic', topic, 'Write'):
                        self.fail(w, 'KafkaUser may not write %s' % topic)
            owned = any(c.get('spec', {}).get('bootstrap', {}).get('initdb', {}).get('database') == svc['db']
                        and c['spec']['bootstrap']['initdb'].get('owner') == svc['db'] for c in clusters) \
                or any((db.get('spec') or {}).get('name') == svc['db'] and db['spec'].get('owner') == svc['db']
                       for db in databases)
            if not owned:
                self.fail(w, 'no PostgreSQL database %r owned by a role of its own' % svc['db'])

        for family in self.code.families:
            publisher = self.code.publisher(family)
            topic = 'ruralfund.%s.events' % family
            if publisher and publisher in users and not self.may(users[publisher], 'topic', topic, 'Write'):
                self.fail(where, 'KafkaUser %s may not write %s, its own event family' % (publisher, topic))

        for topic, why in sorted(self.code.topics().items()):
            w = '%s topic %s (%s)' % (where, topic, '; '.join(why))
            t = topics.get(topic)
            if not t:
                self.fail(w, 'no KafkaTopic')
                continue
            config = (t.get('spec') or {}).get('config') or {}
            if 'retention.ms' not in config and 'retention.bytes' not in config:
                self.fail(w, 'no retention stated')
            if not any(self.may(u, 'topic', topic, op) for u in users.values() for op in ('Read', 'Write')):
                self.fail(w, 'in no KafkaUser ACL')
            if where.endswith('prod') and t['spec'].get('replicas') != 3:
                self.fail(w, 'replicas %r in prod, not 3' % t['spec'].get('replicas'))

        for ing in self.by_kind(objects, 'Ingress'):
            for rule in ing.get('spec', {}).get('rules') or []:
                for p in (rule.get('http') or {}).get('paths') or []:
                    port = ((p.get('backend') or {}).get('service') or {}).get('port') or {}
                    if p.get('path', '/') in ('/', '') or p.get('path', '').startswith('/q'):
                        self.fail('%s Ingress/%s' % (where, self.name(ing)), 'routes %r: only public paths may be routed' % p.get('path'))
                    if port.get('name') == 'management' or port.get('number') == 9000:
                        self.fail('%s Ingress/%s' % (where, self.name(ing)), 'routes to the management port')

        alerts = {r.get('alert'): r.get('expr', '') for pr in self.by_kind(objects, 'PrometheusRule')
                  for g in (pr.get('spec') or {}).get('groups') or [] for r in g.get('rules') or []}
        for name in self.code.services:
            if 'absent(up{job="%s"})' % name not in alerts.get('ServiceDown', ''):
                self.fail(where, 'the ServiceDown alert does not cover %s (absent(up{job="%s"}))' % (name, name))

        if where.endswith('prod'):
            if not self.by_kind(objects, 'ScheduledBackup'):
                self.fail(where, 'no ScheduledBackup of PostgreSQL')
            for c in clusters:
                if not (c.get('spec') or {}).get('backup'):
                    self.fail(where, 'Cluster/%s has no backup configuration' % self.name(c))

        strimzi_user_secrets = set(users)
        for secret in sorted(self.referenced_secrets(objects) - strimzi_user_secrets):
            if secret not in self.readme:
                self.fail(where, 'Secret %s is referenced but deploy/README.md does not say how to make it' % secret)

    def referenced_secrets(self, objects):
        out = set()

        def walk(node, parent_key=None):
            if isinstance(node, dict):
                for k, v in node.items():
                    if k in ('secretKeyRef', 'passwordSecret', 'secret', 'accessKeyId', 'secretAccessKey') and isinstance(v, dict) and v.get('name'):
                        out.add(v['name'])
                    if k == 'secretName' and isinstance(v, str):
                        out.add(v)
                    walk(v, k)
            elif isinstance(node, list):
                for v in node:
                    walk(v, parent_key)
        for o in objects:
            walk(o.get('spec'))
        return out

    def check_templates(self, objects):
        for user in self.by_kind(objects, 'KafkaUser'):
            for acl in user['spec']['authorization']['acls']:
                ops = set(acl.get('operations') or [])
                if not ops <= {'Read', 'Describe'}:
                    self.fail('template KafkaUser/%s' % self.name(user), 'grants %s: a bureau may only read' % sorted(ops - {'Read', 'Describe'}))
                if acl['resource']['type'] == 'topic' and acl['resource']['name'].endswith('.dead-letter'):
                    self.fail('template KafkaUser/%s' % self.name(user), 'reads a dead-letter topic')
        if not self.by_kind(objects, 'KafkaUser'):
            self.fail('templates', 'no read-only KafkaUser template for other bureaus')


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    root = Path(argv[1])
    args = argv[2:]
    templates = None
    if '--templates' in args:
        i = args.index('--templates')
        templates = args[i + 1]
        del args[i:i + 2]
    code = Code(root)
    if not code.services:
        print('no services found under', root)
        return 1
    checker = Checker(code, (root / 'deploy/README.md').read_text(encoding='utf-8') if (root / 'deploy/README.md').exists() else '')
    for rendered in args:
        where = Path(rendered).stem
        checker.check_overlay(where, load_all(Path(rendered).read_text(encoding='utf-8')))
    if templates:
        checker.check_templates(load_all(Path(templates).read_text(encoding='utf-8')))
    for f in checker.failures:
        print('FAIL', f)
    topics = code.topics()
    print('checked %d overlays against %d services and %d topics the code uses: %d failures'
          % (len(args), len(code.services), len(topics), len(checker.failures)))
    return 1 if checker.failures else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
