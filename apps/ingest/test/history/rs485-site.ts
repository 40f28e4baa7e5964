// A simulated SC1000 site for whole-process tests: the simulator (HV CAN and RS485 over TCP) and
// the real edge agent, run from TypeScript sources, publishing to the machine's NATS. `restart`
// brings the site back with other simulator options — the installer re-addressing a string or
// swapping a module — and the agent with the RS485 group of the new address.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { freePort, waitFor } from '@fleet/test-kit';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

export interface SiteLayout {
  /** CAN address of the one string (simulator --addresses, agent --rs485-strings <address>:0). */
  bmsAddress: number;
  moduleSerials: string[];
}

interface Running {
  child: ChildProcess;
  output: string;
}

function start(name: string, entry: string, args: string[]): Running {
  const child = spawn(process.execPath, ['--conditions=@fleet/source', '--import', 'tsx', entry, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const running: Running = { child, output: '' };
  const keep = (chunk: Buffer) => {
    running.output = `${running.output}${chunk.toString()}`.slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.once('exit', (code) => keep(Buffer.from(`\n[${name} exited ${code}]\n`)));
  return running;
}

async function stop(p: Running | undefined): Promise<void> {
  if (!p || p.child.exitCode !== null || p.child.signalCode !== null) {
    return;
  }
  const exited = once(p.child, 'exit');
  p.child.kill('SIGTERM');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

export class Rs485Site {
  private simulator: Running | undefined;
  private agent: Running | undefined;

  constructor(private readonly gatewayId: string) {}

  async start(layout: SiteLayout): Promise<void> {
    const [can, rs485, control] = [await freePort(), await freePort(), await freePort()];
    this.simulator = start('simulator', 'apps/simulator/src/main.ts', [
      ...['--tcp', String(can), '--rs485-tcp', String(rs485), '--control-port', String(control)],
      ...['--addresses', String(layout.bmsAddress), '--modules', String(layout.moduleSerials.length)],
      ...['--module-serials', layout.moduleSerials.join(','), '--seed', '5', '--log-level', 'warn'],
    ]);
    const simulator = this.simulator;
    await waitFor(
      'the simulator',
      async () => simulator.child.exitCode !== null || (await fetch(`http://127.0.0.1:${control}/health`)).ok,
      { timeoutMs: 30_000 },
    )
      .then(() => {
        if (simulator.child.exitCode !== null) {
          throw new Error('the simulator exited');
        }
      })
      .catch((error: Error) => {
        throw new Error(`${error.message}\n${this.output()}`);
      });
    this.agent = start('edge-agent', 'apps/edge-agent/src/main.ts', [
      ...['--gateway-id', this.gatewayId, '--nats-url', 'nats://127.0.0.1:4222', '--bus-name', 'can0'],
      ...['--slcan', `tcp://127.0.0.1:${can}`, '--rs485', `tcp://127.0.0.1:${rs485}`],
      ...['--rs485-strings', `${layout.bmsAddress}:0`, '--poll-ms', '1000', '--reply-window-ms', '300'],
      ...['--spool', 'memory', '--plan', 'live', '--status-port', '0'],
    ]);
  }

  async restart(layout: SiteLayout): Promise<void> {
    await this.stop();
    await this.start(layout);
  }

  async stop(): Promise<void> {
    await stop(this.agent);
    await stop(this.simulator);
  }

  output(): string {
    return [this.simulator, this.agent].map((p) => p?.output ?? '').join('\n---\n');
  }
}
