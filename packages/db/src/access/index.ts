export { AccessRepository, type Principal } from './access.repository.js';
export {
  type AccessScope,
  EMPTY_SCOPE,
  orgScope,
  type ScopeArg,
  scopeAdmits,
  toScope,
} from './access-scope.js';
export { SCOPED_ROLE, ScopedPool, scopeStatements } from './scoped-pool.js';
export { disableTenantFilterForTests, scopeSql, scopeWhere, tenantFilterDisabled } from './tenant-filter.js';
