// The active faults: added, listed and removed over the control API, expired on the
// simulated clock. Checks a fault against the topology it will act on, so a bad string,
// module or cell is a 400 naming the field rather than a fault that silently does nothing.

import type { Fault, FaultInput } from './fault.schema.js';
import { FAULT_TYPE_INFO } from './fault-defaults.table.js';

export interface StringTopology {
  bmsAddress: number;
  moduleCount: number;
  cellsPerModule: number;
  maxDischargeA: number;
}

export type AddFaultResult = { ok: true; fault: Fault } | { ok: false; field: string; message: string };

export class FaultRegistry {
  private faults: Fault[] = [];
  private nextId = 1;

  constructor(private readonly topology: readonly StringTopology[]) {}

  add(input: FaultInput, now: Date): AddFaultResult {
    const info = FAULT_TYPE_INFO[input.type];
    const wantsString = info.scope !== 'wire' && info.scope !== 'all-strings';
    const address = input.string ?? (wantsString ? this.topology[0]?.bmsAddress : undefined);
    const target = this.topology.find((t) => t.bmsAddress === address);
    if (address !== undefined && target === undefined) {
      const known = this.topology.map((t) => t.bmsAddress).join(', ');
      return {
        ok: false,
        field: 'string',
        message: `string: no string at BMS address ${address} (have ${known})`,
      };
    }
    if (target && (input.module ?? 0) >= target.moduleCount) {
      return {
        ok: false,
        field: 'module',
        message: `module: string ${address} has modules 0..${target.moduleCount - 1}`,
      };
    }
    if (target && (input.cell ?? 0) >= target.cellsPerModule) {
      return {
        ok: false,
        field: 'cell',
        message: `cell: modules have cells 0..${target.cellsPerModule - 1}`,
      };
    }
    const fallback = info.defaultValue({ maxDischargeA: target?.maxDischargeA ?? 50 });
    const fault: Fault = {
      id: `f${this.nextId++}`,
      type: input.type,
      string: address,
      module: input.module ?? 0,
      cell: input.cell ?? 0,
      value: (info.usesSeverity ? input.severity : input.value) ?? fallback,
      interface: input.interface,
      injectedAt: now.toISOString(),
      expiresAt:
        input.durationS === undefined
          ? undefined
          : new Date(now.getTime() + input.durationS * 1000).toISOString(),
    };
    this.faults.push(fault);
    return { ok: true, fault };
  }

  list(): readonly Fault[] {
    return this.faults;
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    return this.faults.length !== before;
  }

  clear(): number {
    const count = this.faults.length;
    this.faults = [];
    return count;
  }

  /** Drops faults whose duration has run out; true when any did. */
  expire(now: Date): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter(
      (f) => f.expiresAt === undefined || Date.parse(f.expiresAt) > now.getTime(),
    );
    return this.faults.length !== before;
  }
}
