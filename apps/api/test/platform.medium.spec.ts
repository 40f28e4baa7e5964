import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { testDatabaseTargets } from '@fleet/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useApiFixture } from './support/api-fixture.js';
import { type RunningApi, startApi } from './support/start-api.js';

const targets = await testDatabaseTargets();

describe.each(targets)('health and docs on $name', (target) => {
  const api = useApiFixture(target, async () => undefined);

  it('reports health with the database', async () => {
    const response = await api.get('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('mints a request id when the caller sends none', async () => {
    const traced = await api.get('/health');
    expect(traced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown route with the error body, not an HTML page', async () => {
    const response = await api.get('/no-such-route');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('publishes an OpenAPI document listing the routes, schemas and bearer auth', async () => {
    const response = await api.get('/docs-json');
    expect(response.status).toBe(200);
    const doc = (await response.json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
    };
    // The served document is the checked-in one the web client is generated from (every route
    // in it is walked for access by test/access/access-walk.medium.spec.ts).
    const checkedIn = JSON.parse(await readFile(new URL('../openapi.json', import.meta.url), 'utf8')) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths).sort()).toEqual(Object.keys(checkedIn.paths).sort());
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/sites', '/api/alarms', '/api/stream']),
    );
    expect(doc.paths['/api/alarms/{id}']?.get?.responses).toHaveProperty('404');
    expect(doc.components.schemas).toHaveProperty('AlarmDetail');
    expect(doc.paths['/api/strings/{id}/latest']?.get?.responses).toHaveProperty('200');
    expect(doc.components.schemas).toHaveProperty('LatestPackSample');
    expect(doc.components.schemas).toHaveProperty('SiteSummary');
    expect(doc.components.securitySchemes).toHaveProperty('bearer');
    const ui = await api.get('/docs');
    expect(ui.status).toBe(200);
    expect(ui.headers.get('content-type')).toContain('text/html');
    expect(ui.headers.get('x-powered-by')).toBeNull();
  });
});

describe('api without a database', () => {
  let api: RunningApi | undefined;

  beforeAll(async () => {
    // Port 1 on loopback: nothing listens there, so every connection is refused at once.
    api = await startApi('postgresql://postgres@127.0.0.1:1/none', randomBytes(32).toString('hex'));
  });

  afterAll(async () => {
    await api?.close();
  });

  it('reports 503 from the health check', async () => {
    const response = await fetch(`${api?.baseUrl}/api/health`, { headers: { 'x-request-id': 'probe-1' } });
    expect(response.status).toBe(503);
    expect(response.headers.get('x-request-id')).toBe('probe-1');
    expect(await response.json()).toMatchObject({ code: 'DATABASE_UNAVAILABLE', requestId: 'probe-1' });
  });
});
