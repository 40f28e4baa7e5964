import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

/** Debian's nats-server (2.9); NATS_SERVER_BIN points elsewhere. */
const BINARY = process.env.NATS_SERVER_BIN ?? 'nats-server';

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

interface Node {
  name: string;
  clientPort: number;
  clusterPort: number;
  storeDir: string;
  child: ChildProcess | undefined;
  log: string;
}

/**
 * N `nats-server -js` processes clustered over loopback routes, each with its own JetStream store
 * in one temp dir. A node can be SIGKILLed and restarted on the same ports and store, as a crashed
 * VM would come back. Used by the scale-out test and `npm run bench:cluster`.
 */
export class NatsCluster {
  private constructor(
    private readonly dir: string,
    private readonly nodes: Node[],
  ) {}

  static async start(size = 3, name = 'fleet-test'): Promise<NatsCluster> {
    const dir = await mkdtemp(join(tmpdir(), 'nats-cluster-'));
    const nodes: Node[] = [];
    for (let i = 0; i < size; i++) {
      const storeDir = join(dir, `n${i}`);
      await mkdir(storeDir);
      nodes.push({
        name: `${name}-n${i}`,
        clientPort: await freePort(),
        clusterPort: await freePort(),
        storeDir,
        child: undefined,
        log: '',
      });
    }
    const cluster = new NatsCluster(dir, nodes);
    try {
      for (let i = 0; i < size; i++) {
        cluster.spawn(i, name);
      }
      await cluster.waitForJetStream();
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  /** Client URL of node i. */
  url(i: number): string {
    return `nats://127.0.0.1:${this.node(i).clientPort}`;
  }

  /** Every node's client URL: what a publisher that should survive any one node is given. */
  get urls(): string[] {
    return this.nodes.map((_, i) => this.url(i));
  }

  isRunning(i: number): boolean {
    const child = this.node(i).child;
    return child !== undefined && child.exitCode === null && child.signalCode === null;
  }

  /** SIGKILL: no shutdown, whatever the node held in memory is gone. */
  async kill(i: number): Promise<void> {
    const child = this.node(i).child;
    if (child && this.isRunning(i)) {
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    }
  }

  /** Starts node i again on its ports and store, and waits until JetStream answers through it. */
  async restart(i: number): Promise<void> {
    await this.kill(i);
    this.spawn(i);
    await this.waitForJetStream(i);
  }

  /** Last lines of node i's log, for failure messages. */
  tail(i: number, lines = 30): string {
    return this.node(i).log.split('\n').slice(-lines).join('\n');
  }

  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((_, i) => this.kill(i)));
    await rm(this.dir, { recursive: true, force: true });
  }

  private node(i: number): Node {
    const node = this.nodes[i];
    if (!node) {
      throw new Error(`no node ${i} in a cluster of ${this.nodes.length}`);
    }
    return node;
  }

  private spawn(i: number, clusterName = this.nodes[0]!.name.replace(/-n0$/, '')): void {
    const node = this.node(i);
    const routes = this.nodes.map((n) => `nats://127.0.0.1:${n.clusterPort}`).join(',');
    const child = spawn(
      BINARY,
      [
        ...['-a', '127.0.0.1', '-p', String(node.clientPort), '--server_name', node.name],
        ...['--cluster_name', clusterName, '--cluster', `nats://127.0.0.1:${node.clusterPort}`],
        ...['--routes', routes, '-js', '-sd', node.storeDir],
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    child.on('error', (error) => {
      node.log += `\nspawn failed: ${error.message}`;
    });
    child.stderr?.on('data', (d: Buffer) => {
      node.log = (node.log + d.toString()).slice(-200_000);
    });
    node.child = child;
  }

  /**
   * JetStream in a cluster answers only once a meta leader is elected; until then requests fail
   * (503 / timeout). Waits until each running node (or node `only`) serves account info.
   */
  private async waitForJetStream(only?: number): Promise<void> {
    const indexes = only === undefined ? this.nodes.map((_, i) => i) : [only];
    const deadline = Date.now() + 30_000;
    for (const i of indexes) {
      for (;;) {
        try {
          const nc = await connect({ servers: this.url(i), reconnect: false, timeout: 1000 });
          try {
            await (await jetstreamManager(nc, { timeout: 1000 })).getAccountInfo();
            break;
          } finally {
            await nc.close();
          }
        } catch (error) {
          if (Date.now() > deadline || !this.isRunning(i)) {
            throw new Error(
              `nats node ${i} did not serve JetStream: ${String(error)}\n--- log ---\n${this.tail(i)}`,
            );
          }
          await sleep(200);
        }
      }
    }
  }
}
