// CAN over a Linux SocketCAN interface (`--can can0`), through the can-utils programs rather
// than a native binding: `candump -L -x <iface>` runs for as long as the agent does and its
// lines become frames; each frame sent is one `cansend <iface> <id>#<data>`. Why: the npm
// `socketcan` binding builds with node-gyp at install (a compiler on every gateway, one more
// native addon per arch in the bundle) and its current release needs Node ≥ 22; the agent runs
// on Node 20. can-utils is one Debian package, and the traffic here is a few frames a second.
// Listen-only: `send()` refuses every frame and no cansend is ever started. That the controller
// also sends no ACK is the interface's setting (`ip link set can0 type can ... listen-only on`,
// README), not something a socket can choose.
// A missing interface or a candump that exits is logged and retried; nothing received throws.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { CanFrame } from '@fleet/protocol';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { ReceivedFrame } from './can-bus.js';
import type { CanTransport } from './can-transport.js';
import type { BusMode } from './slcan-transport.js';
import { formatCansendFrame, parseCandumpLine } from './socketcan-line.js';

export interface SocketCanCounters {
  framesIn: number;
  framesOut: number;
  /** Our own frames looped back by the kernel (candump's `T`); not handed to readers. */
  echoes: number;
  /** CAN FD, remote and error frames: well-formed, not ours to read. */
  ignored: number;
  /** candump lines that could not be read. */
  corrupt: number;
  /** Frames a listen-only transport refused to send (a bug upstream if ever non-zero). */
  refusedSends: number;
  /** cansend runs that failed (interface down, bus-off, buffer full). */
  adapterErrors: number;
  /** candump restarts after the first run ended. */
  reconnects: number;
}

export interface SocketCanOptions {
  iface: string;
  /** For logs: the bus name put in samples (`--bus-name`). */
  busName: string;
  mode: BusMode;
  /** The can-utils programs; tests pass fake scripts. */
  candump: string;
  cansend: string;
  /** Where Linux lists network interfaces; tests pass a directory of their own. */
  sysClassNet: string;
  restartDelayMs: number;
}

const DEFAULTS: Omit<SocketCanOptions, 'iface'> = {
  busName: 'can0',
  mode: 'active',
  candump: 'candump',
  cansend: 'cansend',
  sysClassNet: '/sys/class/net',
  restartDelayMs: 2000,
};
const WARN_EVERY = 100;

/** Why `iface` cannot be used, naming it and how to bring it up; undefined when it exists. */
export function socketCanInterfaceProblem(
  iface: string,
  sysClassNet = DEFAULTS.sysClassNet,
): string | undefined {
  if (existsSync(join(sysClassNet, iface))) {
    return undefined;
  }
  return (
    `CAN interface "${iface}" not found (no ${join(sysClassNet, iface)}); ` +
    `bring it up with: ip link set ${iface} up type can bitrate 500000`
  );
}

export class SocketCanTransport implements CanTransport {
  readonly counters: SocketCanCounters = {
    framesIn: 0,
    framesOut: 0,
    echoes: 0,
    ignored: 0,
    corrupt: 0,
    refusedSends: 0,
    adapterErrors: 0,
    reconnects: 0,
  };
  private readonly listeners = new Set<(received: ReceivedFrame) => void>();
  private readonly options: SocketCanOptions;
  private readonly abort = new AbortController();
  private dump: ChildProcess | undefined;
  private dumping = false;
  private stopped = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly logger: Logger,
    options: Partial<SocketCanOptions> & { iface: string },
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** True while candump is running on the interface. */
  get ready(): boolean {
    return this.dumping;
  }

  start(): void {
    this.loop = this.dumpLoop();
  }

  send(frame: CanFrame): boolean {
    const { mode, iface, busName } = this.options;
    if (mode === 'listen-only') {
      this.counters.refusedSends += 1;
      this.logger.error({ bus: busName, id: frame.id }, 'listen-only bus: frame not sent');
      return false;
    }
    if (!this.dumping) {
      return false;
    }
    const child = spawn(this.options.cansend, [iface, formatCansendFrame(frame)], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-500);
    });
    const failed = (reason: string) => this.sendFailed(frame, reason);
    child.on('error', (error) => failed(error.message));
    child.on('exit', (code) => {
      if (code !== 0 && code !== null) {
        failed(stderr.trim() || `cansend exited with ${code}`);
      }
    });
    this.counters.framesOut += 1;
    return true;
  }

  onFrame(listener: (received: ReceivedFrame) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    this.dump?.kill('SIGTERM');
    await this.loop;
  }

  private async dumpLoop(): Promise<void> {
    let missingReports = 0;
    while (!this.stopped) {
      const problem = socketCanInterfaceProblem(this.options.iface, this.options.sysClassNet);
      if (problem === undefined) {
        const reason = await this.runCandump();
        if (this.stopped) {
          return;
        }
        this.counters.reconnects += 1;
        this.logger.warn(
          { bus: this.options.busName, iface: this.options.iface, reason },
          'candump ended; restarting',
        );
      } else if (missingReports++ % WARN_EVERY === 0) {
        this.logger.warn(
          { bus: this.options.busName, err: problem },
          'SocketCAN interface unavailable; retrying',
        );
      }
      await this.clock.sleep(this.options.restartDelayMs, this.abort.signal);
    }
  }

  /** Runs candump until it exits; resolves with why it ended. */
  private runCandump(): Promise<string> {
    return new Promise((resolve) => {
      const child = spawn(this.options.candump, ['-L', '-x', this.options.iface], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      this.dump = child;
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr = (stderr + chunk.toString()).slice(-500);
      });
      child.on('spawn', () => {
        this.dumping = true;
        this.logger.info(
          { bus: this.options.busName, iface: this.options.iface, mode: this.options.mode },
          'SocketCAN interface open (candump)',
        );
      });
      createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) =>
        this.receive(line),
      );
      const done = (reason: string) => {
        this.dumping = false;
        this.dump = undefined;
        resolve(reason);
      };
      child.on('error', (error) => done(`cannot run ${this.options.candump}: ${error.message}`));
      child.on('exit', (code, signal) => done(stderr.trim() || `candump exited (${code ?? signal})`));
    });
  }

  private receive(line: string): void {
    const receivedAt = this.clock.now();
    const parsed = parseCandumpLine(line);
    switch (parsed.kind) {
      case 'frame':
        this.counters.framesIn += 1;
        this.emit({ frame: parsed.frame, receivedAt });
        return;
      case 'echo':
        this.counters.echoes += 1;
        return;
      case 'ignored':
        this.counters.ignored += 1;
        return;
      case 'corrupt':
        this.counters.corrupt += 1;
        if (this.counters.corrupt % WARN_EVERY === 1) {
          this.logger.warn(
            {
              bus: this.options.busName,
              iface: this.options.iface,
              reason: parsed.reason,
              line,
              count: this.counters.corrupt,
            },
            'unreadable candump line ignored',
          );
        }
        return;
    }
  }

  private sendFailed(frame: CanFrame, reason: string): void {
    this.counters.adapterErrors += 1;
    if (this.counters.adapterErrors % WARN_EVERY === 1) {
      this.logger.warn(
        {
          bus: this.options.busName,
          iface: this.options.iface,
          id: frame.id,
          reason,
          count: this.counters.adapterErrors,
        },
        'cansend failed',
      );
    }
  }

  private emit(received: ReceivedFrame): void {
    for (const listener of this.listeners) {
      try {
        listener(received);
      } catch (error) {
        this.logger.error({ err: error }, 'frame listener failed');
      }
    }
  }
}
