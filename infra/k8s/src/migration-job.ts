import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import type { FleetSettings } from './fleet-size.js';
import { podSpec } from './pod-spec.js';
import { SECRETS } from './services.js';

/**
 * Applies the database migrations (packages/db's migrator; idempotent, so re-running is safe).
 * Run it before rolling out a new image (infra/k8s/README.md); it is removed 10 minutes after it
 * finished so the next apply creates it afresh (a Job's pod template cannot be changed in place).
 */
export function migrationJob(scope: Construct, settings: FleetSettings): ApiObject {
  const pod = podSpec(
    {
      name: 'db-migrate',
      command: ['node', 'packages/db/dist/cli/migrate.js'],
      port: 0,
      readyPath: '',
      resources: settings.api.resources,
      env: {
        NODE_ENV: { value: 'production' },
        DATABASE_URL: { secret: SECRETS.database.name, key: SECRETS.database.key },
      },
      writablePaths: ['/tmp'],
      exposed: false,
    },
    settings,
  );
  // A run-to-completion container has no port to probe.
  const [container] = pod.containers;
  const { startupProbe, livenessProbe, readinessProbe, ports, ...job } = container!;
  return new ApiObject(scope, 'db-migrate', {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'db-migrate' },
    spec: {
      backoffLimit: 3,
      ttlSecondsAfterFinished: 600,
      template: { spec: { ...pod, restartPolicy: 'Never', containers: [job] } },
    },
  });
}
