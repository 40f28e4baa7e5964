import { describe, expect, it } from 'vitest';
import { waitFor } from './wait-for.js';

describe('waitFor', () => {
  it('returns the first value that is neither undefined nor false, retrying a probe that throws', async () => {
    const answers: (() => number | undefined | false)[] = [
      () => {
        throw new Error('not listening yet');
      },
      () => undefined,
      () => false,
      () => 0,
      () => 7,
    ];
    let calls = 0;
    const value = await waitFor('the answer', () => answers[calls++]?.(), {
      timeoutMs: 10_000,
      intervalMs: 1,
    });
    expect(value).toBe(0);
    expect(calls).toBe(4);
  });

  it('fails naming what it waited for, the last observation and the diagnostics', async () => {
    const waiting = waitFor(
      'the broker',
      () => {
        throw new Error('ECONNREFUSED');
      },
      20,
      () => 'broker log tail',
    );
    await expect(waiting).rejects.toThrow(
      /waiting for the broker \(last: Error: ECONNREFUSED\)\nbroker log tail/,
    );
  });

  it('takes the diagnostics from the options too', async () => {
    const waiting = waitFor('nothing', () => false, {
      timeoutMs: 10,
      intervalMs: 1,
      diagnostics: () => 'context',
    });
    await expect(waiting).rejects.toThrow(/\(last: false\)\ncontext$/);
  });
});
