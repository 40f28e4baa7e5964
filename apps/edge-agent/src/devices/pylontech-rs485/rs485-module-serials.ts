// Module serials over RS485 V3.3: one 0x93 "get module serial number" per module (protocol
// reference §3.4, §3.6: command value + 16 bytes ASCII). The bus is slow and the serials only
// change when a module is swapped, so the HV poller asks once per discovery round, never per poll.
// Which ADR a module of an SC1000 string answers at is not in the reference (§3.7: whether the
// SC1000 speaks V3.3 at all is open); we use ADR = 0x10·group + position, the simulator's
// assumption (apps/simulator topology/addressing.ts), which fits 15 modules in a group.
// What does not answer or does not decode is counted and skipped: a position without a serial.
import { decodeSerialNumber93, moduleRequest, returnCodeName } from '@fleet/protocol';
import type { TopologyModule } from '@fleet/telemetry';
import type { Logger } from '../../logger.js';
import type { Rs485StringGroup } from './rs485-cell-source.js';
import type { Rs485Client, Rs485Exchange } from './rs485-client.js';

/** What the HV poller asks at each discovery round (devices/bms-reader.ts). */
export interface ModuleSerialSource {
  /** Modules in rack order with the serial each reported; positions that failed are left out. */
  read(bmsAddress: number, moduleCount: number, signal?: AbortSignal): Promise<TopologyModule[]>;
  readonly counters: object;
}

/** ADR of module `position` (1-based) in RS485 group `group` (see the header). */
export function moduleSerialAddress(group: number, position: number): number {
  return 0x10 * group + position;
}

const MAX_POSITION = 15;

export class Rs485ModuleSerials implements ModuleSerialSource {
  readonly counters = { requests: 0, serials: 0, failures: 0, unmapped: 0 };

  constructor(
    private readonly client: Pick<Rs485Client, 'request' | 'garbage'>,
    private readonly logger: Logger,
    private readonly strings: readonly Rs485StringGroup[],
  ) {}

  async read(bmsAddress: number, moduleCount: number, signal?: AbortSignal): Promise<TopologyModule[]> {
    const group = this.strings.find((s) => s.bmsAddress === bmsAddress)?.group;
    if (group === undefined) {
      this.counters.unmapped += 1;
      return [];
    }
    const modules: TopologyModule[] = [];
    for (let position = 1; position <= Math.min(moduleCount, MAX_POSITION); position += 1) {
      const adr = moduleSerialAddress(group, position);
      this.counters.requests += 1;
      const exchange = await this.client.request(moduleRequest('serialNumber', adr), signal);
      const outcome = this.serialOf(exchange, adr);
      if (outcome.serial !== undefined) {
        this.counters.serials += 1;
        modules.push({ position, serial: outcome.serial });
        continue;
      }
      this.counters.failures += 1;
      this.logger.warn(
        { bmsAddress, group, position, reason: outcome.reason },
        'module serial not read (0x93)',
      );
      if (outcome.lineDead) {
        break; // no point asking the rest of the string this round
      }
    }
    return modules;
  }

  private serialOf(
    exchange: Rs485Exchange,
    adr: number,
  ): { serial?: string; reason?: string; lineDead?: boolean } {
    switch (exchange.status) {
      case 'ok': {
        const decoded = decodeSerialNumber93(exchange.frame.info);
        if (decoded.status === 'corrupt') {
          this.client.garbage('undecodable', decoded.reason, '');
          return { reason: decoded.reason };
        }
        const serial = decoded.value.serialNumber.trim();
        if (decoded.value.commandValue !== adr || !/^[\x21-\x7e][\x20-\x7e]*$/.test(serial)) {
          const detail = `0x93 answer for ${decoded.value.commandValue} with serial ${JSON.stringify(serial)}`;
          this.client.garbage('undecodable', detail, '');
          return { reason: detail };
        }
        return { serial };
      }
      case 'refused':
        return {
          reason: `refused with RTN 0x${exchange.rtn.toString(16)} (${returnCodeName(exchange.rtn) ?? 'unknown'})`,
        };
      case 'corrupt':
        return { reason: `damaged reply (${exchange.reason})` };
      case 'timeout':
        return { reason: 'no reply', lineDead: true };
      case 'offline':
        return { reason: 'link down', lineDead: true };
      case 'aborted':
        return { reason: 'aborted', lineDead: true };
      default: {
        const never: never = exchange;
        return never;
      }
    }
  }
}
