import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createMetricsRegistry } from './create-metrics-registry.js';
import { bearerMatches, isLoopback, metricsHandler } from './metrics-endpoint.js';
import { snapshotCounter, snapshotGauge } from './snapshot-metrics.js';

describe('snapshot metrics', () => {
  it('reads the process counters at scrape time, labelled, so /metrics and /health agree', async () => {
    const registry = createMetricsRegistry('test', { defaultMetrics: false });
    const counts = { stored: 2, rejected: { schema: 1 } as Record<string, number> };
    snapshotCounter(registry, { name: 'x_stored_total', help: 'h', read: () => counts.stored });
    snapshotCounter(registry, {
      name: 'x_rejected_total',
      help: 'h',
      labelNames: ['reason'],
      read: () => Object.entries(counts.rejected).map(([reason, n]) => [{ reason }, n] as const),
    });
    snapshotGauge(registry, { name: 'x_depth', help: 'h', read: () => 7 });
    counts.stored = 5;
    counts.rejected['not-json'] = 3;
    const text = await registry.metrics();
    expect(text).toContain('x_stored_total{service="test"} 5');
    expect(text).toContain('x_rejected_total{reason="schema",service="test"} 1');
    expect(text).toContain('x_rejected_total{reason="not-json",service="test"} 3');
    expect(text).toContain('x_depth{service="test"} 7');
    expect(text).toContain('# TYPE x_stored_total counter');
  });

  it('keeps two registries apart (two apps in one test process)', async () => {
    const a = createMetricsRegistry('a', { defaultMetrics: false });
    const b = createMetricsRegistry('b', { defaultMetrics: false });
    snapshotCounter(a, { name: 'same_total', help: 'h', read: () => 1 });
    snapshotCounter(b, { name: 'same_total', help: 'h', read: () => 2 });
    expect(await a.metrics()).toContain('same_total{service="a"} 1');
    expect(await b.metrics()).toContain('same_total{service="b"} 2');
  });
});

describe('metrics access', () => {
  it('knows loopback addresses', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('10.0.0.5')).toBe(false);
    expect(isLoopback('127.0.0.1.evil')).toBe(false);
    expect(isLoopback(undefined)).toBe(false);
  });

  it('accepts only the exact bearer token', () => {
    expect(bearerMatches('Bearer s3cret', 's3cret')).toBe(true);
    expect(bearerMatches('Bearer s3cre', 's3cret')).toBe(false);
    expect(bearerMatches('Basic s3cret', 's3cret')).toBe(false);
    expect(bearerMatches(undefined, 's3cret')).toBe(false);
  });

  describe('the handler', () => {
    const registry = createMetricsRegistry('http', { defaultMetrics: false });
    snapshotCounter(registry, { name: 'up_total', help: 'h', read: () => 1 });
    const handler = metricsHandler(registry, { token: 'tok' });

    /** Calls the handler as Node would, without a socket (small tests use no network). */
    function call(
      from: string,
      authorization?: string,
    ): Promise<{ status: number; body: string; type: string }> {
      return new Promise((resolve) => {
        const req = {
          socket: { remoteAddress: from },
          headers: { authorization },
        } as unknown as IncomingMessage;
        let status = 0;
        let type = '';
        const res = {
          writeHead(code: number, headers: Record<string, string>) {
            status = code;
            type = headers['content-type'] ?? '';
            return res;
          },
          end(body: string) {
            resolve({ status, body, type });
          },
        } as unknown as ServerResponse;
        handler(req, res);
      });
    }

    it('serves loopback in the Prometheus text format', async () => {
      const res = await call('127.0.0.1');
      expect(res.status).toBe(200);
      expect(res.type).toContain('text/plain');
      expect(res.body).toContain('up_total{service="http"} 1');
    });

    it('refuses a remote caller without the token and serves one with it', async () => {
      expect((await call('10.1.2.3')).status).toBe(403);
      expect((await call('10.1.2.3', 'Bearer nope')).status).toBe(403);
      expect((await call('10.1.2.3', 'Bearer tok')).status).toBe(200);
    });
  });
});
