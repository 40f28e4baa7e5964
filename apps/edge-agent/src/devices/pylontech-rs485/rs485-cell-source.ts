// Per-cell snapshots over RS485 V3.3: one 0x42 request to the string's whole group (ADR of the
// group's master, INFO 0xFF) answers every module in one frame, and its command value is the
// module count (protocol reference §3.5, §3.6) — so nothing about the string is assumed.
// Which RS485 group a string (known by its CAN address) is behind an MBMS1000 is not in the
// reference; the configuration says it (`--rs485-strings`, default `0:0`: a lone SC1000).
import {
  type AnalogModule42,
  decodeAnalogValues42,
  groupMasterAddress,
  groupRequest,
  returnCodeName,
} from '@fleet/protocol';
import type { Logger } from '../../logger.js';
import type { CellReading, CellSource, CellTarget } from '../../sampling/cell-source.js';
import type { Rs485Client, Rs485Exchange } from './rs485-client.js';

export interface Rs485StringGroup {
  bmsAddress: number;
  group: number;
}

export interface Rs485CellSourceOptions {
  strings: readonly Rs485StringGroup[];
  /** Requests per snapshot before giving up (a garbled or lost reply costs one). */
  attempts: number;
}

type Decoded = { ok: true; reading: CellReading } | { ok: false; reason: string };

export class Rs485CellSource implements CellSource {
  readonly counters = { snapshots: 0, failures: 0, retries: 0, unmapped: 0 };
  private readonly warnedUnmapped = new Set<number>();

  constructor(
    private readonly client: Pick<Rs485Client, 'request' | 'garbage'>,
    private readonly logger: Logger,
    private readonly options: Rs485CellSourceOptions,
  ) {}

  async readCells(target: CellTarget, signal?: AbortSignal): Promise<CellReading | undefined> {
    const group = this.options.strings.find((s) => s.bmsAddress === target.bmsAddress)?.group;
    if (group === undefined) {
      this.unmapped(target);
      return undefined;
    }
    let reason = 'no attempt made';
    for (let attempt = 1; attempt <= this.options.attempts; attempt += 1) {
      if (attempt > 1) {
        this.counters.retries += 1;
      }
      const exchange = await this.client.request(groupRequest('analogValues', group), signal);
      if (exchange.status === 'aborted') {
        return undefined;
      }
      const decoded = this.decode(exchange);
      if (decoded.ok) {
        this.counters.snapshots += 1;
        return decoded.reading;
      }
      reason = decoded.reason;
    }
    this.counters.failures += 1;
    const adr = `0x${groupMasterAddress(group).toString(16).toUpperCase().padStart(2, '0')}`;
    throw new Error(
      `RS485 0x42 to group ${group} (ADR ${adr}): ${reason} (${this.options.attempts} attempts)`,
    );
  }

  private decode(exchange: Exclude<Rs485Exchange, { status: 'aborted' }>): Decoded {
    switch (exchange.status) {
      case 'ok': {
        const decoded = decodeAnalogValues42(exchange.frame.info, 'group');
        if (decoded.status === 'corrupt') {
          this.client.garbage('undecodable', decoded.reason, '');
          return { ok: false, reason: decoded.reason };
        }
        return { ok: true, reading: toReading(decoded.value.modules) };
      }
      case 'refused':
        return {
          ok: false,
          reason: `refused with RTN 0x${exchange.rtn.toString(16)} (${returnCodeName(exchange.rtn) ?? 'unknown'})`,
        };
      case 'corrupt':
        return { ok: false, reason: `damaged reply (${exchange.reason})` };
      case 'timeout':
        return { ok: false, reason: 'no reply' };
      case 'offline':
        return { ok: false, reason: 'link down' };
      default: {
        const never: never = exchange;
        return never;
      }
    }
  }

  private unmapped(target: CellTarget): void {
    this.counters.unmapped += 1;
    if (!this.warnedUnmapped.has(target.bmsAddress)) {
      this.warnedUnmapped.add(target.bmsAddress);
      this.logger.warn(
        { bus: target.bus, bmsAddress: target.bmsAddress, strings: this.options.strings },
        'no RS485 group configured for this string (--rs485-strings); no cell snapshots for it',
      );
    }
  }
}

/**
 * Cells as sent; temperatures are the cell-group sensors #2… (sensor #1 is the BMS board,
 * §3.6), so `cellTempsDc[module]` holds one value per sensor, not per cell.
 */
function toReading(modules: readonly AnalogModule42[]): CellReading {
  return {
    source: 'rs485',
    cellVoltagesMv: modules.map((m) => [...m.cellVoltagesMv]),
    cellTempsDc: modules.map((m) => m.temperaturesDc.slice(1)),
  };
}
