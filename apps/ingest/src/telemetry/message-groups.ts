import { setTimeout as sleep } from 'node:timers/promises';

const IDLE = Symbol('idle');

/**
 * Groups an async stream of messages for one write each: a group is yielded when it holds `max`
 * messages, or when it holds some and no further message came within `idleMs` (so a quiet stream
 * is written at once instead of waiting for a full group). While the caller writes a group, the
 * source keeps receiving (the pull consumer buffers), which overlaps network and database time.
 */
export async function* messageGroups<T>(
  source: AsyncIterable<T>,
  max: number,
  idleMs: number,
): AsyncGenerator<T[]> {
  const iterator = source[Symbol.asyncIterator]();
  let group: T[] = [];
  let pending = iterator.next();
  for (;;) {
    const next =
      group.length === 0 ? await pending : await Promise.race([pending, sleep(idleMs, IDLE, { ref: false })]);
    if (next === IDLE) {
      yield group;
      group = [];
      continue;
    }
    if (next.done) {
      break;
    }
    group.push(next.value);
    pending = iterator.next();
    if (group.length >= max) {
      yield group;
      group = [];
    }
  }
  if (group.length > 0) {
    yield group;
  }
}
