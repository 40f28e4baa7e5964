import { describe, expect, it } from 'vitest';
import { messageGroups } from './message-groups.js';

/** A source that yields `burst` at once, then waits for `release` before yielding `later` and ending. */
function source(burst: number[], later: number[]) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  async function* gen() {
    yield* burst;
    await gate;
    yield* later;
  }
  return { items: gen(), release };
}

describe('messageGroups', () => {
  it('yields full groups, then what arrived when the source goes quiet, then the rest at its end', async () => {
    const { items, release } = source([1, 2, 3, 4, 5], [6, 7]);
    const groups: number[][] = [];
    for await (const group of messageGroups(items, 2, 5)) {
      groups.push(group);
      if (group.includes(5)) {
        release();
      }
    }
    expect(groups).toEqual([[1, 2], [3, 4], [5], [6, 7]]);
  });
});
