// The processes of the alarm-latency bench: simulators (MBMS1000, up to 8 strings each) with one
// live-plan edge agent each, ingest, and the api with its notification worker, all from dist/.
// Every child logs to a file in the run directory, so a slow run can be read afterwards.
import { type ChildProcess, spawn } from 'node:child_process';
import { openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, repoRoot, stopChild } from '../test/stack-harness.js';

export interface BenchGateway {
  gatewayId: string;
  addresses: number[];
  controlUrl: string;
}

export class BenchProcesses {
  readonly children: ChildProcess[] = [];

  constructor(readonly runDir: string) {}

  spawnNode(name: string, script: string, args: string[], env: Record<string, string>): ChildProcess {
    const log = openSync(join(this.runDir, `${name}.log`), 'a');
    const child = spawn(process.execPath, [join(repoRoot, script), ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', log, log],
    });
    this.children.push(child);
    return child;
  }

  async stopAll(): Promise<void> {
    for (const child of [...this.children].reverse()) {
      await stopChild(child);
    }
  }
}

/** `strings` strings as gateways of at most 8 strings (the MBMS1000's limit). */
export function fleetLayout(strings: number): { gatewayId: string; addresses: number[] }[] {
  const gateways: { gatewayId: string; addresses: number[] }[] = [];
  for (let left = strings, i = 1; left > 0; i++) {
    const n = Math.min(8, left);
    gateways.push({ gatewayId: `gw-bench-${i}`, addresses: Array.from({ length: n }, (_, a) => a) });
    left -= n;
  }
  return gateways;
}

/** Writes the fleet as a demo-fleet file, so the seed CLI registers exactly these strings. */
export function writeFleetFile(runDir: string, layout: ReturnType<typeof fleetLayout>): string {
  const file = join(runDir, 'bench-fleet.json');
  const fleet = {
    tenant: { name: 'Alarm Bench GmbH', slug: 'demo' },
    installer: { email: 'bench@fleet.test', password: 'bench-password', name: 'Bench Installer' },
    gateways: layout.map((g) => ({
      gatewayId: g.gatewayId,
      site: `Bench site ${g.gatewayId}`,
      bus: 'can0',
      addresses: g.addresses,
      modules: 5,
      moduleType: 'H48050',
      ...(g.addresses.length > 1 ? { mbms: `MBMS ${g.gatewayId}` } : {}),
    })),
  };
  writeFileSync(file, JSON.stringify(fleet, null, 2));
  return file;
}

/** One simulator + one agent per gateway, SLCAN over loopback TCP, agents on the live plan. */
export async function startFleet(
  procs: BenchProcesses,
  layout: ReturnType<typeof fleetLayout>,
  natsUrl: string,
  pollMs: number,
): Promise<BenchGateway[]> {
  const gateways: BenchGateway[] = [];
  for (const [i, g] of layout.entries()) {
    const control = await freePort();
    const slcan = await freePort();
    procs.spawnNode(
      `sim-${g.gatewayId}`,
      'apps/simulator/dist/main.js',
      [
        '--tcp',
        String(slcan),
        '--control-port',
        String(control),
        '--addresses',
        g.addresses.join(','),
        '--modules',
        '5',
        '--seed',
        String(i + 1),
        '--log-level',
        'warn',
      ],
      {},
    );
    gateways.push({ ...g, controlUrl: `http://127.0.0.1:${control}` });
    procs.spawnNode(
      `agent-${g.gatewayId}`,
      'apps/edge-agent/dist/main.js',
      [
        '--gateway-id',
        g.gatewayId,
        '--slcan',
        `tcp://127.0.0.1:${slcan}`,
        '--bus-name',
        'can0',
        '--nats-url',
        natsUrl,
        '--spool',
        join(procs.runDir, `${g.gatewayId}.spool.db`),
        '--plan',
        'live',
        '--poll-ms',
        String(pollMs),
        '--status-port',
        '0',
      ],
      {},
    );
  }
  return gateways;
}
