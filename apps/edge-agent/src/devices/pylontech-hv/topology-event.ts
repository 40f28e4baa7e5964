// What one HV discovery round found on a bus as a `topology` event (issue 10): every address that
// answered 0x4200 byte0 = 2, with its versions, composition and manufacturer. HV CAN carries no
// BMS or module serials (protocol reference §1.4); module serials come from RS485 0x93 where a
// link is configured (`modules`, by address). No BMS serial is sent: no link reports one. Pure.
import type { TopologyEvent, TopologyModule } from '@fleet/telemetry';
import type { StringInfo } from './string-info.js';

export function topologyEventOf(
  infos: readonly StringInfo[],
  bus: string,
  at: Date,
  modules: ReadonlyMap<number, readonly TopologyModule[]> = new Map(),
): TopologyEvent {
  const strings = [...infos]
    .sort((a, b) => a.bmsAddress - b.bmsAddress)
    .map((info) => ({
      bmsAddress: info.bmsAddress,
      ...info.composition,
      ...(info.versions === undefined ? {} : { versions: info.versions }),
      ...(info.manufacturer === undefined ? {} : { manufacturer: info.manufacturer }),
      ...withModules(modules.get(info.bmsAddress)),
    }));
  return { kind: 'topology', ts: at.toISOString(), bus, protocol: 'hv-can', strings };
}

function withModules(modules: readonly TopologyModule[] | undefined): { modules?: TopologyModule[] } {
  return modules === undefined || modules.length === 0 ? {} : { modules: [...modules] };
}
