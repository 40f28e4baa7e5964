import { DEFAULT_RULES, effectiveRules, parseRuleSet, type RuleSet } from '@fleet/alarms';
import type { AlarmRuleSetRepository } from '@fleet/db';

interface Entry {
  rules: RuleSet;
  stamp: string;
  checkedAt: number;
}

/**
 * Effective rules (defaults < tenant < site) per site. An entry is reused for `ttlMs`; after that
 * one cheap query compares the layers' versions and the rules are rebuilt only when one changed,
 * so a rule change applies within the TTL, without a restart. Stored rules were validated by the
 * API; if a layer is invalid anyway (edited by hand), it is ignored and named in `problems`.
 */
export class RuleCache {
  private readonly entries = new Map<string, Entry>();
  readonly problems: string[] = [];

  constructor(
    private readonly repo: AlarmRuleSetRepository,
    private readonly ttlMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  async get(tenantId: string, siteId: string): Promise<RuleSet> {
    const key = `${tenantId}/${siteId}`;
    const now = this.clock();
    const entry = this.entries.get(key);
    if (entry && now - entry.checkedAt < this.ttlMs) {
      return entry.rules;
    }
    const stamp = await this.repo.stamp(tenantId, siteId);
    if (entry && entry.stamp === stamp) {
      entry.checkedAt = now;
      return entry.rules;
    }
    const rules = await this.build(tenantId, siteId);
    this.entries.set(key, { rules, stamp, checkedAt: now });
    return rules;
  }

  /** Forget everything (a process that learns of a change directly need not wait for the TTL). */
  invalidate(): void {
    this.entries.clear();
  }

  private async build(tenantId: string, siteId: string): Promise<RuleSet> {
    const { tenant, site } = await this.repo.layers(tenantId, siteId);
    const layer = (json: unknown, which: 'tenant' | 'site') => {
      try {
        return json === undefined ? undefined : parseRuleSet(json, which);
      } catch (error) {
        this.problems.push(`${tenantId}/${siteId} ${which}: ${(error as Error).message}`);
        return undefined;
      }
    };
    const tenantLayer = layer(tenant?.rules, 'tenant');
    const siteLayer = layer(site?.rules, 'site');
    try {
      return effectiveRules(DEFAULT_RULES, tenantLayer, siteLayer);
    } catch (error) {
      this.problems.push(`${tenantId}/${siteId}: ${(error as Error).message}`);
      try {
        return effectiveRules(DEFAULT_RULES, tenantLayer);
      } catch {
        return DEFAULT_RULES;
      }
    }
  }
}
