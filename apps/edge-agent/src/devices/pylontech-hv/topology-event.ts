// What one HV discovery round found on a bus as a `topology` event (issue 10): every address that
// answered 0x4200 byte0 = 2, with its versions, composition and manufacturer. HV CAN carries no
// BMS or module serials (protocol reference §1.4), so none are sent. Pure.
import type { TopologyEvent } from '@fleet/telemetry';
import type { StringInfo } from './string-info.js';

export function topologyEventOf(infos: readonly StringInfo[], bus: string, at: Date): TopologyEvent {
  const strings = [...infos]
    .sort((a, b) => a.bmsAddress - b.bmsAddress)
    .map((info) => ({
      bmsAddress: info.bmsAddress,
      ...info.composition,
      ...(info.versions === undefined ? {} : { versions: info.versions }),
      ...(info.manufacturer === undefined ? {} : { manufacturer: info.manufacturer }),
    }));
  return { kind: 'topology', ts: at.toISOString(), bus, protocol: 'hv-can', strings };
}
