import { describe, expect, it } from 'vitest';
import { KeyedLanes } from './keyed-lanes.js';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
};

describe('KeyedLanes', () => {
  it('keeps order within a key while another key runs alongside', async () => {
    const sut = new KeyedLanes(4);
    const log: string[] = [];
    const a1 = deferred();
    await sut.push('a', async () => {
      await a1.promise;
      log.push('a1');
    });
    await sut.push('a', async () => {
      log.push('a2');
    });
    await sut.push('b', async () => {
      log.push('b1');
    });
    await new Promise((r) => setImmediate(r));
    expect(log).toEqual(['b1']); // b did not wait for a; a2 waits for a1
    a1.resolve();
    await sut.drain();
    expect(log).toEqual(['b1', 'a1', 'a2']);
  });

  it('runs the next task of a key even when the previous one failed, and bounds the tasks in flight', async () => {
    const sut = new KeyedLanes(1);
    const log: string[] = [];
    await sut.push('a', () => Promise.reject(new Error('boom')));
    await sut.push('a', async () => {
      log.push('after failure');
    });
    let running = 0;
    let most = 0;
    for (const key of ['x', 'y', 'z']) {
      await sut.push(key, async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((r) => setImmediate(r));
        running -= 1;
      });
    }
    await sut.drain();
    expect(log).toEqual(['after failure']);
    expect(most).toBe(1);
  });
});
