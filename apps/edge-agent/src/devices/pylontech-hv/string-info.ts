// What a string says about itself in reply to 0x4200 byte0 = 2 (protocol reference §1.4.10-12):
// versions, composition and manufacturer name. Pure.
import { type Composition7320, decodeHvCanFrame, type Versions7310 } from '@fleet/protocol';
import type { ReceivedFrame } from '../../bus/can-bus.js';

export interface StringInfo {
  bmsAddress: number;
  versions?: Versions7310;
  composition?: Composition7320;
  manufacturer?: string;
}

export function assembleStringInfo(bmsAddress: number, frames: readonly ReceivedFrame[]): StringInfo {
  const info: StringInfo = { bmsAddress };
  const name: string[] = ['', ''];
  for (const { frame } of frames) {
    const decoded = decodeHvCanFrame(frame);
    if (decoded.status !== 'ok') {
      continue;
    }
    const { message: m } = decoded;
    if (m.type === '7310') {
      const { type: _type, ...versions } = m;
      info.versions = versions;
    } else if (m.type === '7320') {
      const { type: _type, ...composition } = m;
      info.composition = composition;
    } else if (m.type === '7330' || m.type === '7340') {
      name[m.type === '7330' ? 0 : 1] = m.text;
    }
  }
  const manufacturer = name.join('');
  return manufacturer === '' ? info : { ...info, manufacturer };
}
