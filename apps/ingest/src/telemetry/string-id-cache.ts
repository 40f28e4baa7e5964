import type { ResolveStringsResult, StringKey, StringRegistryRepository } from '@fleet/db';
import { stringKey } from '@fleet/db';

interface Entry {
  ids: Map<string, string>;
  expiresAt: number;
}

/**
 * Remembers each gateway's string ids for `ttlMs`, so a group of batches costs a registry round
 * trip only for gateways not seen lately or for keys not known yet (a new string is registered
 * through the repository as before). An unknown gateway is never cached: registering it takes
 * effect at once. A stale id (string deleted within the TTL) is caught by the foreign key and
 * quarantined; `forget` drops a gateway after such a refusal.
 */
export class StringIdCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly registry: Pick<StringRegistryRepository, 'resolve'>,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async resolve(gatewayId: string, keys: readonly StringKey[]): Promise<ResolveStringsResult> {
    const cached = this.entries.get(gatewayId);
    if (cached && cached.expiresAt > this.now() && keys.every((k) => cached.ids.has(stringKey(k)))) {
      return { gateway: 'known', ids: cached.ids, discovered: [] };
    }
    const resolved = await this.registry.resolve(gatewayId, [...keys]);
    if (resolved.gateway === 'known' && this.ttlMs > 0) {
      const live = cached && cached.expiresAt > this.now() ? cached : undefined;
      const ids = new Map(live?.ids ?? []);
      for (const [key, id] of resolved.ids) {
        ids.set(key, id);
      }
      this.entries.set(gatewayId, { ids, expiresAt: live?.expiresAt ?? this.now() + this.ttlMs });
    }
    return resolved;
  }

  forget(gatewayId: string): void {
    this.entries.delete(gatewayId);
  }
}
