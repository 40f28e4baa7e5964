// Per-cell snapshots from the SC console's `bat` table (reference §3.7: one row per cell, last
// module first, 15 cells a module; no login needed — only `getpwr` asks for `login debug`).
// A console belongs to one BMS: with an MBMS1000 it is that of one string, named by its CAN
// address in the configuration (`--console-string`); other strings get no snapshot from it.
import type { Logger } from '../../logger.js';
import type { CellReading, CellSource, CellTarget } from '../../sampling/cell-source.js';
import type { ConsoleClient, ConsoleExchange } from './console-client.js';
import { readBatCells } from './read-bat-cells.js';

export interface ConsoleCellSourceOptions {
  /** CAN address of the string whose BMS this console is. */
  bmsAddress: number;
  /** Commands per snapshot before giving up (a garbled or lost response costs one). */
  attempts: number;
}

type Attempt = { ok: true; reading: CellReading } | { ok: false; reason: string };

export class ConsoleCellSource implements CellSource {
  readonly counters = { snapshots: 0, failures: 0, retries: 0, otherStrings: 0, ignoredLines: 0 };
  private warnedOther = false;

  constructor(
    private readonly client: Pick<ConsoleClient, 'command' | 'garbage'>,
    private readonly logger: Logger,
    private readonly options: ConsoleCellSourceOptions,
  ) {}

  async readCells(target: CellTarget, signal?: AbortSignal): Promise<CellReading | undefined> {
    if (target.bmsAddress !== this.options.bmsAddress) {
      this.otherString(target);
      return undefined;
    }
    let reason = 'no attempt made';
    for (let attempt = 1; attempt <= this.options.attempts; attempt += 1) {
      if (attempt > 1) {
        this.counters.retries += 1;
      }
      const exchange = await this.client.command('bat', signal);
      if (exchange.status === 'aborted') {
        return undefined;
      }
      const result = this.read(exchange);
      if (result.ok) {
        this.counters.snapshots += 1;
        return result.reading;
      }
      reason = result.reason;
    }
    this.counters.failures += 1;
    throw new Error(`console bat: ${reason} (${this.options.attempts} attempts)`);
  }

  private read(exchange: Exclude<ConsoleExchange, { status: 'aborted' }>): Attempt {
    if (exchange.status === 'timeout') {
      return { ok: false, reason: 'no prompt within the timeout' };
    }
    if (exchange.status === 'offline') {
      return { ok: false, reason: 'link down' };
    }
    const cells = readBatCells(exchange.response.body);
    if (!cells.ok) {
      this.client.garbage(cells.kind, cells.reason, exchange.response.body.join('\n'));
      return { ok: false, reason: cells.reason };
    }
    this.counters.ignoredLines += cells.ignoredLines;
    return { ok: true, reading: cells.reading };
  }

  private otherString(target: CellTarget): void {
    this.counters.otherStrings += 1;
    if (!this.warnedOther) {
      this.warnedOther = true;
      this.logger.info(
        { bus: target.bus, bmsAddress: target.bmsAddress, consoleString: this.options.bmsAddress },
        'the console belongs to another string (--console-string); no console snapshots for this one',
      );
    }
  }
}
