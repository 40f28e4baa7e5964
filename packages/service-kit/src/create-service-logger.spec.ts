import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createServiceLogger, REDACTED_PATHS } from './create-service-logger.js';

describe('createServiceLogger', () => {
  it('names the service and honours the level', () => {
    const sut = createServiceLogger({ name: 'ingest', level: 'warn', pretty: false });
    expect(sut.bindings()).toMatchObject({ name: 'ingest' });
    expect(sut.isLevelEnabled('info')).toBe(false);
    expect(sut.isLevelEnabled('warn')).toBe(true);
  });

  it('never writes credentials', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const sut = pino({ redact: REDACTED_PATHS }, sink);
    sut.info(
      { user: { password: 'hunter2', token: 'abc' }, req: { headers: { authorization: 'Bearer x' } } },
      'hi',
    );
    expect(lines.join('')).not.toMatch(/hunter2|abc|Bearer x/);
  });
});
