import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { logContextMixin, withLogContext } from './log-context.js';

function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: pino({ mixin: logContextMixin }, sink), lines };
}

describe('withLogContext', () => {
  it('puts the ids of the work in hand on every line, across awaits, and only there', async () => {
    const { logger, lines } = capture();
    const service = logger.child({ module: 'svc' });
    await withLogContext({ requestId: 'r-1' }, async () => {
      await Promise.resolve();
      service.info('inside');
      await withLogContext({ natsMsgId: 'gw:b:1' }, async () => service.info('nested'));
    });
    service.info('outside');
    const [inside, nested, outside] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(inside).toMatchObject({ requestId: 'r-1', module: 'svc', msg: 'inside' });
    expect(nested).toMatchObject({ requestId: 'r-1', natsMsgId: 'gw:b:1' });
    expect(outside).not.toHaveProperty('requestId');
  });

  it('never prints a key twice when the logger or the line already has it', () => {
    const { logger, lines } = capture();
    withLogContext({ requestId: 'r-2' }, () => {
      logger.child({ requestId: 'r-2' }).info('bound');
      logger.info({ requestId: 'explicit' }, 'explicit');
    });
    expect(lines[0]?.match(/"requestId"/g)).toHaveLength(1);
    expect(lines[1]?.match(/"requestId"/g)).toHaveLength(1);
    expect(JSON.parse(lines[1] ?? '{}')).toMatchObject({ requestId: 'explicit' });
  });
});
