import { App, Yaml } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { FleetChart } from '../src/fleet-chart.js';
import { type FleetSettings, fleetSizes } from '../src/fleet-size.js';
import { NATS_CLUSTER_CONF } from '../src/nats-cluster.js';
import { renderManifests } from '../src/render.js';

// biome-ignore lint/suspicious/noExplicitAny: rendered Kubernetes objects are checked field by field
type Manifest = Record<string, any>;

// Rendered once per size for the whole file.
const rendered = Object.values(fleetSizes).map((settings) => ({
  settings,
  manifests: renderManifests(settings) as Manifest[],
}));

const ofKind = (manifests: Manifest[], kind: string) => manifests.filter((m) => m.kind === kind);
const named = (manifests: Manifest[], kind: string, name: string) => {
  const found = ofKind(manifests, kind).find((m) => m.metadata.name === name);
  expect(found, `${kind}/${name}`).toBeDefined();
  return found as Manifest;
};
const podSpecs = (manifests: Manifest[]) =>
  [...ofKind(manifests, 'Deployment'), ...ofKind(manifests, 'StatefulSet'), ...ofKind(manifests, 'Job')].map(
    (m) => ({
      name: m.metadata.name as string,
      pod: m.spec.template.spec as Manifest,
    }),
  );

/** Variables whose value is a credential: they must come from a Secret, never inline. */
const SENSITIVE = /SECRET|SEED|PASSWORD|TOKEN|DATABASE_URL|PRIVATE|_KEY$/;

/** A credential comes from a Secret: a secretKeyRef, or a file path inside a mounted Secret volume. */
function fromSecret(pod: Manifest, container: Manifest, env: Manifest): boolean {
  if (env.valueFrom?.secretKeyRef?.name) {
    return env.value === undefined;
  }
  const secretVolumes = new Set(pod.volumes.filter((v: Manifest) => v.secret).map((v: Manifest) => v.name));
  return container.volumeMounts.some(
    (m: Manifest) =>
      secretVolumes.has(m.name) && typeof env.value === 'string' && env.value.startsWith(`${m.mountPath}/`),
  );
}

describe.each(rendered)(
  'Kubernetes manifests, $settings.size fleet: objects and security',
  ({ settings, manifests }) => {
    it('has a Deployment for api, web, ingest and the iot-bridge, and Services for api, web and nats', () => {
      expect(
        ofKind(manifests, 'Deployment')
          .map((d) => d.metadata.name)
          .sort(),
      ).toEqual(['api', 'ingest', 'iot-bridge', 'web']);
      expect(ofKind(manifests, 'Service').map((s) => [s.metadata.name, s.spec.ports[0].port])).toEqual([
        ['api', 3001],
        ['web', 3000],
        ['nats', 4222],
        ['nats-public', 4222],
      ]);
      for (const m of manifests) {
        expect(m.metadata.namespace, `${m.kind}/${m.metadata.name}`).toBe(settings.namespace);
      }
    });

    it('holds no secret values: no Secret objects, every credential variable is a secretKeyRef', () => {
      expect(ofKind(manifests, 'Secret')).toEqual([]);
      for (const { name, pod } of podSpecs(manifests)) {
        for (const container of pod.containers) {
          for (const env of container.env) {
            if (SENSITIVE.test(env.name)) {
              expect(fromSecret(pod, container, env), `${name} ${env.name}`).toBe(true);
            }
          }
        }
      }
      const text = Yaml.stringify(...manifests);
      expect(text).not.toMatch(/postgres(ql)?:\/\//);
      expect(text).not.toMatch(/\bS[AOU][A-Z2-7]{50,}\b/); // an nkey seed
      expect(text).not.toMatch(/BEGIN [A-Z ]*PRIVATE KEY/);
    });

    it('runs every pod as the non-root node user, read-only, without privileges or capabilities', () => {
      for (const { name, pod } of podSpecs(manifests)) {
        expect(pod.securityContext, name).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
        expect(pod.automountServiceAccountToken, name).toBe(false);
        for (const container of pod.containers) {
          expect(container.securityContext, name).toEqual({
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
            capabilities: { drop: ['ALL'] },
          });
          expect(container.resources.requests.cpu, name).toMatch(/^\d+m$/);
          if (!name.startsWith('nats')) {
            // read-only root: /tmp must be a volume for anything that spills to os.tmpdir()
            expect(
              container.volumeMounts.map((m: Manifest) => m.mountPath),
              name,
            ).toContain('/tmp');
          }
          expect(container.resources.limits.memory, name).toMatch(/^\d+Mi$/);
        }
      }
    });
  },
);

describe.each(rendered)(
  'Kubernetes manifests, $settings.size fleet: probes and scaling',
  ({ settings, manifests }) => {
    it("probes each service on the app's own port and health path", () => {
      // [port, readiness path, liveness path (TCP connect when none)]
      const expected = {
        api: [3001, '/api/health/ready', '/api/health/live'],
        web: [3000, '/login', undefined],
        ingest: [3002, '/health/ready', '/health/live'],
        'iot-bridge': [3002, '/health/ready', '/health/live'],
      };
      for (const [name, [port, ready, live]] of Object.entries(expected)) {
        const [container] = named(manifests, 'Deployment', name).spec.template.spec.containers;
        expect(container.ports).toEqual([{ name: 'http', containerPort: port }]);
        expect(container.readinessProbe.httpGet).toEqual({ path: ready, port: 'http' });
        expect(container.livenessProbe.httpGet?.path).toBe(live);
        expect(container.livenessProbe.tcpSocket).toEqual(live ? undefined : { port: 'http' });
        expect(container.startupProbe).toBeDefined();
      }
    });

    it('autoscales api and web on CPU and ingest on JetStream consumer lag, within the size settings', () => {
      for (const [name, scale] of [
        ['api', settings.api.scale],
        ['web', settings.web.scale],
      ] as const) {
        const hpa = named(manifests, 'HorizontalPodAutoscaler', name);
        expect(hpa.spec).toMatchObject({
          scaleTargetRef: { kind: 'Deployment', name },
          minReplicas: scale.min,
          maxReplicas: scale.max,
        });
        expect(named(manifests, 'Deployment', name).spec.replicas).toBeUndefined();
      }
      const scaler = named(manifests, 'ScaledObject', 'ingest');
      expect(scaler.spec).toMatchObject({
        scaleTargetRef: { name: 'ingest' },
        minReplicaCount: settings.ingest.scale.min,
        maxReplicaCount: settings.ingest.scale.max,
      });
      expect(
        scaler.spec.triggers.map((t: Manifest) => [t.type, t.metadata.stream, t.metadata.consumer]),
      ).toEqual([
        ['nats-jetstream', 'TELEMETRY', 'ingest-telemetry'],
        ['nats-jetstream', 'TELEMETRY', 'ingest-alarms'],
      ]);
      expect(scaler.spec.triggers[0].metadata.lagThreshold).toBe(String(settings.ingest.lagPerPod));
      // The hub accepts TLS only; the pods trust its CA from a mounted Secret.
      for (const name of ['api', 'ingest', 'iot-bridge']) {
        const { containers, volumes } = named(manifests, 'Deployment', name).spec.template.spec;
        expect(containers[0].env, name).toContainEqual({ name: 'NATS_URL', value: settings.natsUrl });
        expect(settings.natsUrl).toMatch(/^tls:\/\//);
        expect(
          volumes.map((v: Manifest) => v.secret?.secretName),
          name,
        ).toContain('fleet-nats-ca');
      }
      // Both apply the streams at start: on the three-node cluster they must ask for R3.
      for (const name of ['ingest', 'iot-bridge']) {
        const [container] = named(manifests, 'Deployment', name).spec.template.spec.containers;
        expect(container.env, name).toContainEqual({ name: 'NATS_STREAM_REPLICAS', value: '3' });
      }
    });

    it('gives the bridge its IoT certificate as a Secret volume and a client id the IoT policy allows', () => {
      const pod = named(manifests, 'Deployment', 'iot-bridge').spec.template.spec;
      const env = pod.containers[0].env.map((e: Manifest) => e.name);
      expect(env.indexOf('POD_NAME')).toBeLessThan(env.indexOf('IOT_BRIDGE_CLIENT_ID'));
      expect(pod.containers[0].env).toContainEqual({
        name: 'IOT_BRIDGE_CLIENT_ID',
        value: 'ingest-bridge-$(POD_NAME)',
      });
      expect(pod.volumes).toContainEqual(
        expect.objectContaining({ secret: expect.objectContaining({ secretName: 'fleet-iot-bridge-tls' }) }),
      );
    });

    it("gives the api the AWS IoT provisioning hook's secret as an optional key, so clusters without it still start", () => {
      const env = named(manifests, 'Deployment', 'api').spec.template.spec.containers[0].env;
      expect(env).toContainEqual({
        name: 'PROVISIONING_HOOK_SECRET',
        valueFrom: { secretKeyRef: { name: 'fleet-api', key: 'provisioning-hook-secret', optional: true } },
      });
    });

    it('renders YAML that parses back to the same objects', () => {
      const docs = parseAllDocuments(Yaml.stringify(...manifests)).map((d) => d.toJS());
      expect(docs).toEqual(manifests);
    });
  },
);

describe.each(rendered)('NATS hub, $settings.size fleet', ({ manifests }) => {
  it('runs the shipped cluster config on three nodes whose names match its routes', () => {
    expect(named(manifests, 'ConfigMap', 'nats-config').data['nats.conf']).toBe(NATS_CLUSTER_CONF);
    const nats = named(manifests, 'StatefulSet', 'nats');
    expect(nats.spec).toMatchObject({ replicas: 3, serviceName: 'nats' });
    expect(named(manifests, 'Service', 'nats').spec.clusterIP).toBe('None');
    expect(named(manifests, 'Service', 'nats-public').spec.ports.map((p: Manifest) => p.port)).toEqual([
      4222, 7422,
    ]);
    // routes nats-N.nats resolve through the StatefulSet's pod names and the headless Service
    for (const n of [0, 1, 2]) {
      expect(NATS_CLUSTER_CONF).toContain(`@nats-${n}.nats:6222`);
    }
    const [container] = nats.spec.template.spec.containers;
    expect(container.env).toContainEqual({
      name: 'NATS_SERVER_NAME',
      valueFrom: { fieldRef: { fieldPath: 'metadata.name' } },
    });
    expect(container.readinessProbe.httpGet.path).toBe('/healthz?js-enabled-only=true');
    expect(container.volumeMounts.map((m: Manifest) => m.mountPath)).toEqual(
      expect.arrayContaining(['/etc/nats/auth', '/etc/nats/tls', '/data']),
    );
  });
});

describe('small versus large fleet', () => {
  const [small, large] = rendered as [(typeof rendered)[0], (typeof rendered)[0]];

  it('runs at least two pods of every service in a large fleet, with disruption budgets', () => {
    for (const scale of [large.settings.api.scale, large.settings.web.scale, large.settings.ingest.scale]) {
      expect(scale.min).toBeGreaterThanOrEqual(2);
    }
    expect(large.settings.bridge.replicas).toBeGreaterThanOrEqual(2);
    expect(
      ofKind(large.manifests, 'PodDisruptionBudget')
        .map((p) => p.metadata.name)
        .sort(),
    ).toEqual(['api', 'ingest', 'iot-bridge', 'nats', 'web']);
    expect(large.settings.ingest.scale.max).toBeGreaterThan(small.settings.ingest.scale.max);
  });

  it('leaves the iot-bridge out when no IoT endpoint is configured', () => {
    const settings: FleetSettings = { ...small.settings, iotEndpoint: undefined };
    const names = new FleetChart(new App(), 'no-iot', settings)
      .toJson()
      .filter((m: Manifest) => m.kind === 'Deployment')
      .map((m: Manifest) => m.metadata.name);
    expect(names).not.toContain('iot-bridge');
  });
});
