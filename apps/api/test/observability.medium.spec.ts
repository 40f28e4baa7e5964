import { randomBytes, randomUUID } from 'node:crypto';
import { createTestDatabase, productionTestTargets, type TestDatabase } from '@fleet/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApi, startApi } from './support/start-api.js';

// A whole process, once, on the production database (docs/testing.md).
const [target] = await productionTestTargets();

describe.runIf(target)('api metrics and probes', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let down: RunningApi;

  beforeAll(async () => {
    db = await createTestDatabase(target!);
    [api, down] = await Promise.all([
      startApi(db.url, randomBytes(32).toString('hex')),
      // Port 1 on loopback: nothing listens there, so every connection is refused at once.
      startApi('postgresql://postgres@127.0.0.1:1/none', randomBytes(32).toString('hex')),
    ]);
  });

  afterAll(async () => {
    await Promise.all([api?.close(), down?.close()]);
    await db?.drop();
  });

  it('serves /metrics to loopback with request latency by route template, never by id', async () => {
    const id = randomUUID();
    expect((await fetch(`${api.baseUrl}/api/health`)).status).toBe(200);
    expect((await fetch(`${api.baseUrl}/api/sites/${id}`)).status).toBe(401);
    const response = await fetch(`${api.baseUrl}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(
      /fleet_api_request_duration_seconds_count\{service="api",route="\/api\/health",method="GET",status="200"\} 1/,
    );
    expect(text).toMatch(
      /fleet_api_request_duration_seconds_count\{service="api",route="\/api\/sites\/:id",method="GET",status="401"\} 1/,
    );
    expect(text).not.toContain(id);
    // The notification worker's counters are there even when it is off (all zero).
    expect(text).toContain('fleet_notify_deliveries_total{outcome="dead",service="api"} 0');
    // Scrapes are not themselves counted as API requests.
    expect(text).not.toContain('route="/metrics"');
  });

  it('is live and ready with its database; not ready, naming the database, without one', async () => {
    expect((await fetch(`${api.baseUrl}/api/health/live`)).status).toBe(200);
    const ready = await fetch(`${api.baseUrl}/api/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'ok', nats: 'off' });

    const notReady = await fetch(`${down.baseUrl}/api/health/ready`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
    // Liveness asks no dependency: an orchestrator does not restart an api waiting for its database.
    expect((await fetch(`${down.baseUrl}/api/health/live`)).status).toBe(200);
  });
});
