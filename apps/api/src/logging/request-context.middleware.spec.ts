import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import { logContextMixin } from '@fleet/service-kit';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { requestContext } from './request-context.middleware.js';

describe('requestContext', () => {
  it("puts the request id on lines a service logs through the root logger, not only on the request's logger", async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    const root = pino({ mixin: logContextMixin }, sink);
    const service = root.child({ module: 'sites' });
    const req = {
      headers: { 'x-request-id': 'req-42' },
      method: 'GET',
      url: '/api/sites',
    } as unknown as IncomingMessage;
    const res = Object.assign(new EventEmitter(), { setHeader: () => undefined, statusCode: 200 });

    await new Promise<void>((resolve) => {
      requestContext(root)(req, res as unknown as ServerResponse, () => {
        // A later await, as a controller and its repository would make.
        void Promise.resolve().then(() => {
          service.info('listing sites');
          resolve();
        });
      });
    });
    service.info('after the request');

    expect(lines[0]).toMatchObject({ module: 'sites', requestId: 'req-42', msg: 'listing sites' });
    expect(lines[1]).not.toHaveProperty('requestId');
  });
});
