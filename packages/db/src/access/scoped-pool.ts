import pg from 'pg';
import { type AccessScope, EMPTY_SCOPE } from './access-scope.js';

/** The database role whose row-level-security policies admit only the scope (20261227000000_access_model). */
export const SCOPED_ROLE = 'fleet_app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The statements that put a connection into a caller's scope. Values are inlined because SET
 * takes no parameters; each is checked to be a UUID first, so nothing else can reach the SQL.
 */
export function scopeStatements(scope: AccessScope): string {
  const ids = [...(scope.orgId === null ? [] : [scope.orgId]), ...scope.siteIds];
  const bad = ids.find((id) => !UUID.test(id));
  if (bad !== undefined) {
    throw new Error(`scope holds a non-UUID id: ${JSON.stringify(bad).slice(0, 60)}`);
  }
  return [
    `SET ROLE ${SCOPED_ROLE}`,
    `SET fleet.org_id = '${scope.orgId ?? ''}'`,
    `SET fleet.site_ids = '{${scope.siteIds.join(',')}}'`,
  ].join('; ');
}

/**
 * A pg pool for the API's request path whose every connection runs as role fleet_app in the scope
 * of the request being served (`currentScope`, the API reads it from its request context), so
 * PostgreSQL's row-level security filters every statement, whatever the repository's WHERE says.
 * No scope known means the empty scope: a query outside a resolved request sees no tenant row.
 * Every checkout puts the connection into the caller's scope before handing it out, so a pooled
 * connection never serves one caller in another's scope. The connection remembers the scope it
 * carries and the SET is skipped when the next checkout wants the same one (most queries of a
 * request and of a busy tenant do): a query costs one round trip, not three. A connection whose
 * SET fails, or that is released with an error, is destroyed rather than reused. Prisma's pg
 * adapter accepts it like any pg.Pool.
 */
export class ScopedPool extends pg.Pool {
  /** The scope statements each pooled connection last ran (connections are dropped by pg on close). */
  private readonly carried = new WeakMap<pg.PoolClient, string>();

  constructor(
    config: pg.PoolConfig,
    private readonly currentScope: () => AccessScope | undefined,
  ) {
    super(config);
  }

  // biome-ignore lint/suspicious/noExplicitAny: pg's overloads (promise and callback) are kept intact
  override connect(callback?: any): any {
    if (callback !== undefined) {
      throw new Error('ScopedPool.connect: use the promise form');
    }
    return this.connectScoped(this.currentScope() ?? EMPTY_SCOPE);
  }

  // biome-ignore lint/suspicious/noExplicitAny: forwards every overload of pg.Pool.query
  override query(...args: any[]): any {
    if (typeof args.at(-1) === 'function') {
      throw new Error('ScopedPool.query: use the promise form');
    }
    return this.connectScoped(this.currentScope() ?? EMPTY_SCOPE).then(async (client) => {
      try {
        // biome-ignore lint/suspicious/noExplicitAny: same overloads as above
        return await (client.query as (...a: any[]) => Promise<unknown>)(...args);
      } finally {
        client.release();
      }
    });
  }

  private async connectScoped(scope: AccessScope): Promise<pg.PoolClient> {
    const statements = scopeStatements(scope);
    const client = await super.connect();
    if (this.carried.get(client) === statements) {
      return client;
    }
    // Forget first: if the SET fails half-way, the connection is destroyed below anyway.
    this.carried.delete(client);
    try {
      await client.query(statements);
    } catch (error) {
      client.release(error instanceof Error ? error : true);
      throw error;
    }
    this.carried.set(client, statements);
    return client;
  }
}
