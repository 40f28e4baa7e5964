import type { StringKey } from '@fleet/db';
import { describe, expect, it } from 'vitest';
import { StringIdCache } from './string-id-cache.js';

function registry(known: string[]) {
  const calls: StringKey[][] = [];
  return {
    calls,
    resolve: async (gatewayId: string, keys: StringKey[]) => {
      calls.push(keys);
      if (!known.includes(gatewayId)) {
        return { gateway: 'unknown' as const };
      }
      return {
        gateway: 'known' as const,
        ids: new Map(keys.map((k) => [`${k.bus}#${k.bmsAddress}`, `${gatewayId}/${k.bmsAddress}`])),
        discovered: [],
      };
    },
  };
}

const key = (bmsAddress: number) => ({ bus: 'can0', bmsAddress });

describe('StringIdCache', () => {
  it('asks the registry again only for a new key, after the TTL, or after forget', async () => {
    let now = 0;
    const reg = registry(['gw-1']);
    const sut = new StringIdCache(reg, 1000, () => now);

    await sut.resolve('gw-1', [key(0)]);
    const hit = await sut.resolve('gw-1', [key(0)]);
    await sut.resolve('gw-1', [key(0), key(1)]);
    await sut.resolve('gw-1', [key(1)]);
    now = 1001;
    await sut.resolve('gw-1', [key(1)]);
    sut.forget('gw-1');
    await sut.resolve('gw-1', [key(1)]);

    expect(hit).toEqual({ gateway: 'known', ids: new Map([['can0#0', 'gw-1/0']]), discovered: [] });
    expect(reg.calls).toEqual([[key(0)], [key(0), key(1)], [key(1)], [key(1)]]);
  });

  it('never caches an unknown gateway', async () => {
    const reg = registry([]);
    const sut = new StringIdCache(reg, 1000);
    expect(await sut.resolve('gw-x', [key(0)])).toEqual({ gateway: 'unknown' });
    await sut.resolve('gw-x', [key(0)]);
    expect(reg.calls).toHaveLength(2);
  });
});
