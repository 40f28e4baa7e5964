import { AlarmsError, DEFAULT_RULES, effectiveRules, parseRuleSet, type RuleOverrides } from '@fleet/alarms';
import { AlarmReadRepository, AlarmRuleSetRepository, ruleScopeKey, type StoredRuleSet } from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import type { AuthContext } from '../logging/api-request.js';
import { mayActOnAlarms } from './alarm-permissions.js';
import type { RuleSetDto } from './alarm-rules.dto.js';

/**
 * Tenant and site rule overrides. A PUT is validated as its layer (parseRuleSet) and merged with
 * the other layer (effectiveRules), so a rule that is invalid alone or in combination is refused
 * with a 400 naming layer, rule and field. Ingest's rule cache sees the new version within its TTL.
 */
@Injectable()
export class AlarmRulesService {
  constructor(
    @Inject(AlarmRuleSetRepository) private readonly repo: AlarmRuleSetRepository,
    @Inject(AlarmReadRepository) private readonly reads: AlarmReadRepository,
  ) {}

  async get(tenantId: string, siteId: string | null): Promise<RuleSetDto> {
    await this.assertSite(tenantId, siteId);
    const layers = await this.repo.layers(tenantId, siteId);
    const own = siteId === null ? layers.tenant : layers.site;
    const effective = effectiveRules(
      DEFAULT_RULES,
      overrides(layers.tenant, 'tenant'),
      overrides(layers.site, 'site'),
    );
    return toDto(siteId, own, effective.rules);
  }

  async put(auth: AuthContext, siteId: string | null, body: unknown): Promise<RuleSetDto> {
    if (!mayActOnAlarms(auth, 'edit-rules')) {
      throw new AppError('FORBIDDEN', 'your role may not change alarm rules');
    }
    await this.assertSite(auth.tenantId, siteId);
    const layer = siteId === null ? 'tenant' : 'site';
    const layers = await this.repo.layers(auth.tenantId, siteId);
    let effective: Record<string, unknown>;
    try {
      const parsed = parseRuleSet(body, layer);
      effective = effectiveRules(
        DEFAULT_RULES,
        layer === 'tenant' ? parsed : overrides(layers.tenant, 'tenant'),
        layer === 'site' ? parsed : overrides(layers.site, 'site'),
      ).rules;
    } catch (error) {
      if (error instanceof AlarmsError) {
        throw new AppError('VALIDATION_FAILED', error.message);
      }
      throw error;
    }
    const stored = await this.repo.put(auth.tenantId, siteId, body, auth.userId);
    return toDto(siteId, stored, effective);
  }

  private async assertSite(tenantId: string, siteId: string | null): Promise<void> {
    if (siteId !== null && !(await this.reads.siteInTenant(tenantId, siteId))) {
      throw new AppError('NOT_FOUND', `site ${siteId} not found`);
    }
  }
}

/** A stored layer as overrides; stored layers were validated on the way in. */
function overrides(stored: StoredRuleSet | null, layer: 'tenant' | 'site'): RuleOverrides | undefined {
  return stored === null ? undefined : parseRuleSet(stored.rules, layer);
}

function toDto(
  siteId: string | null,
  own: StoredRuleSet | null,
  effective: Record<string, unknown>,
): RuleSetDto {
  return {
    scope: ruleScopeKey(siteId),
    rules: ((own?.rules as { rules?: Record<string, unknown> } | undefined)?.rules ?? {}) as Record<
      string,
      unknown
    >,
    version: own?.version ?? 0,
    updatedBy: own?.updatedBy ?? null,
    updatedAt: own ? own.updatedAt.toISOString() : null,
    effective,
  };
}
