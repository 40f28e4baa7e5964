// What HV discovery learned about a string (0x7310, 0x7320, 0x7330/0x7340) as a composition
// event for bms.v1.evt.<gatewayId>. Pure; fields the string did not send stay absent.
import type { CompositionEvent } from '@fleet/telemetry';
import type { StringInfo } from './string-info.js';

export function compositionEventOf(info: StringInfo, bus: string, at: Date): CompositionEvent {
  return {
    kind: 'composition',
    ts: at.toISOString(),
    bus,
    bmsAddress: info.bmsAddress,
    protocol: 'hv-can',
    ...info.composition,
    ...(info.versions === undefined ? {} : { versions: info.versions }),
    ...(info.manufacturer === undefined ? {} : { manufacturer: info.manufacturer }),
  };
}
