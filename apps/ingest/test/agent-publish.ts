import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { type ClientCert, type MtlsBroker } from '@fleet/test-kit';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export interface PublishRun {
  code: number | null;
  lines: Record<string, unknown>[];
  stderr: string;
}

/** Runs the edge agent's publisher (apps/edge-agent/test/iot-publish.ts) as a process. */
export async function agentPublish(
  broker: MtlsBroker,
  identity: ClientCert,
  args: Record<string, string>,
): Promise<PublishRun> {
  const flags = Object.entries({
    ...args,
    cert: identity.cert,
    key: identity.key,
    ca: broker.caPath,
  }).flatMap(([k, v]) => [`--${k}`, v]);
  const child = spawn(
    process.execPath,
    [
      ...['--conditions=@fleet/source', '--import', 'tsx', 'apps/edge-agent/test/iot-publish.ts'],
      ...['--port', String(broker.port), ...flags],
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const [code] = (await once(child, 'exit')) as [number | null];
  const lines = stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { code, lines, stderr };
}
