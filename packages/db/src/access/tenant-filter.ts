import { type ScopeArg, toScope } from './access-scope.js';

/**
 * The test-only switch of issue 8's isolation test: with it on, repositories that honour it drop
 * their tenant filter, so the test can show that row-level security alone still returns nothing
 * foreign. It refuses to turn on outside vitest, so no deployment can ship with it.
 */
let disabled = false;

export function disableTenantFilterForTests(off: boolean): void {
  // The one environment read of this package: vitest sets VITEST in its workers, nothing else does.
  // biome-ignore lint/style/noProcessEnv: a guard, not configuration
  if (off && process.env.VITEST === undefined) {
    throw new Error('the tenant filter can only be disabled inside the test runner');
  }
  disabled = off;
}

export function tenantFilterDisabled(): boolean {
  return disabled;
}

/**
 * The SQL predicate admitting rows of the scope: `(<tenantCol> = $a OR <siteCol> = ANY($b))`,
 * with its two parameters appended to `params` (mutated). Returns `TRUE` while the test switch
 * is on (the parameters are still appended, so placeholders stay numbered the same).
 */
export function scopeSql(
  scopeArg: ScopeArg,
  cols: { tenant: string; site: string },
  params: unknown[],
): string {
  const scope = toScope(scopeArg);
  params.push(scope.orgId, [...scope.siteIds]);
  const a = params.length - 1;
  const b = params.length;
  if (disabled) {
    return `(TRUE OR $${a}::uuid IS NULL OR $${b}::uuid[] IS NULL)`;
  }
  return `(${cols.tenant} = $${a}::uuid OR ${cols.site} = ANY ($${b}::uuid[]))`;
}

/**
 * The Prisma `where` admitting rows of the scope, for models with a tenant and a site column
 * (`siteField` is `id` on Site itself). Never `{ tenantId: undefined }`, which Prisma reads as
 * "no filter": an empty scope becomes a condition nothing matches.
 */
export function scopeWhere(
  scopeArg: ScopeArg,
  siteField: 'id' | 'siteId' = 'siteId',
): { OR: Record<string, unknown>[] } | Record<string, never> {
  if (disabled) {
    return {};
  }
  const scope = toScope(scopeArg);
  const or: Record<string, unknown>[] = [{ [siteField]: { in: [...scope.siteIds] } }];
  if (scope.orgId !== null) {
    or.push({ tenantId: scope.orgId });
  }
  return { OR: or };
}
