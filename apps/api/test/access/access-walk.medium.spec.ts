/// <reference types="vite/client" />
import type { UserRole } from '@fleet/db';
import { productionTestTargets } from '@fleet/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApiFixture } from '../support/api-fixture.js';
import { type AccessWorld, seedAccessWorld } from './access-world.js';
import type { Caller, OpSpec } from './ops/op-spec.js';

// Issue 8's first acceptance point: every operation of the served OpenAPI document, called as
// each role of tenant A, as the org_admin of tenant B and without a token, is refused where it
// must be (401/403/404) and succeeds where it must. Each area's operations are described in
// ops/<area>.ops.ts; an operation without a description fails the walk, so a new route cannot
// ship without someone deciding who may call it.
const modules = import.meta.glob<{ ops: OpSpec[] }>('./ops/*.ops.ts', { eager: true });
const SPECS = new Map(
  Object.values(modules)
    .flatMap((m) => m.ops)
    .map((s) => [s.op, s]),
);

const targets = await productionTestTargets();
const CALLERS: readonly Caller[] = ['foreign', 'owner', 'support', 'technician', 'installer', 'org_admin'];

interface OpenApiOperation {
  'x-access'?: { roles: UserRole[] };
  security?: unknown[];
}
type OpenApiDocument = { paths: Record<string, Record<string, OpenApiOperation>> };

describe.each(targets)('access walk over every OpenAPI operation on $name', (target) => {
  const api = useApiFixture(target, seedAccessWorld);
  let world: AccessWorld;
  let document: OpenApiDocument;

  beforeAll(async () => {
    world = api.seed;
    for (const caller of [...CALLERS]) {
      world.users[caller].token = await api.login(world.users[caller]);
    }
    document = (await (await api.get('/docs-json')).json()) as OpenApiDocument;
  });

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        key: `${method.toUpperCase()} ${path}`,
        operation,
      })),
    );

  it('has an access description for every operation, agreeing with its x-access rule', () => {
    const missing = operations()
      .filter(({ key }) => !SPECS.has(key))
      .map(({ key }) => key);
    expect(missing, 'operations without an entry in test/access/ops/*.ops.ts').toEqual([]);
    const disagree = operations().flatMap(({ key, operation }) => {
      const spec = SPECS.get(key);
      const rule = operation['x-access']?.roles;
      const expected = spec?.allowed === 'public' ? undefined : [...(spec?.allowed ?? [])].sort();
      return JSON.stringify(rule ? [...rule].sort() : undefined) === JSON.stringify(expected) ? [] : [key];
    });
    expect(disagree, 'operations whose x-access differs from the walk entry').toEqual([]);
    const stale = [...SPECS.keys()].filter((key) => !operations().some((o) => o.key === key));
    expect(stale, 'walk entries for operations that no longer exist').toEqual([]);
  });

  it('refuses a caller without a token on every non-public operation (401)', async () => {
    const wrong: string[] = [];
    for (const { key } of operations()) {
      const spec = SPECS.get(key);
      if (!spec || spec.allowed === 'public') {
        continue;
      }
      const status = await call(api, world, spec, 'installer', undefined);
      if (status !== 401) {
        wrong.push(`${key}: ${status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  // One test per caller: each walks every operation (about a hundred calls), within the test timeout.
  it.each([...CALLERS])('answers %s as the rules say', async (caller) => {
    const wrong: string[] = [];
    for (const { key } of operations()) {
      const spec = SPECS.get(key);
      if (!spec) {
        continue;
      }
      const outcome = await check(api, world, spec, caller);
      if (outcome !== 'ok') {
        wrong.push(`${key} as ${caller}: ${outcome}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

type Api = ReturnType<typeof useApiFixture<AccessWorld>>;

/** The status of one call; `token` undefined sends none. Reads the body only when asked. */
async function call(
  api: Api,
  world: AccessWorld,
  spec: OpSpec,
  as: Caller,
  token: string | undefined,
  read?: (body: string) => void,
) {
  const request = await spec.request(world, as);
  const method = spec.op.split(' ')[0] ?? 'GET';
  const response = await api.fetch(request.path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...request.headers,
    },
    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
  });
  if (spec.stream) {
    await response.body?.cancel();
  } else {
    const text = await response.text();
    read?.(text);
  }
  return response.status;
}

/** 'ok', or what was wrong with this caller's answer. */
async function check(api: Api, world: AccessWorld, spec: OpSpec, caller: Caller): Promise<string> {
  const role: UserRole = caller === 'foreign' ? 'org_admin' : caller;
  const allowed = spec.allowed === 'public' || spec.allowed.includes(role);
  let body = '';
  const status = await call(api, world, spec, caller, world.users[caller].token, (text) => {
    body = text;
  });
  if (!allowed) {
    return status === 403 ? 'ok' : `expected 403, got ${status}`;
  }
  if (caller === 'foreign' && spec.foreign === 'not-found') {
    return status === 404 ? 'ok' : `expected 404, got ${status}`;
  }
  const good = spec.okStatus === undefined ? status >= 200 && status < 300 : status === spec.okStatus;
  if (!good) {
    return `expected ${spec.okStatus ?? '2xx'}, got ${status} ${body.slice(0, 160)}`;
  }
  if (caller === 'foreign') {
    const leaked = world.aIds().filter((id) => id && body.includes(id));
    return leaked.length === 0 ? 'ok' : `leaked tenant A ids ${leaked.join(', ')}`;
  }
  return 'ok';
}
