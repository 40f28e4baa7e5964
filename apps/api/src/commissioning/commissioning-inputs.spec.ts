import { describe, expect, it } from 'vitest';
import { busCountersOf } from './commissioning-inputs.js';

describe('busCountersOf', () => {
  it('reads the four counters of an agent heartbeat and ignores the rest', () => {
    const bus = { framesIn: 10, framesOut: 4, corrupt: 1, adapterErrors: 0, reconnects: 2, framesInPerS: 3 };
    expect(busCountersOf(bus)).toEqual({ framesIn: 10, corrupt: 1, adapterErrors: 0, reconnects: 2 });
  });
  it('waits (null) instead of judging made-up zeros when a counter is missing or not a count', () => {
    expect(busCountersOf(null)).toBeNull();
    expect(busCountersOf({ framesIn: 10, corrupt: 1, adapterErrors: 0 })).toBeNull();
    expect(busCountersOf({ framesIn: 10, corrupt: -1, adapterErrors: 0, reconnects: 0 })).toBeNull();
    expect(busCountersOf({ framesIn: '10', corrupt: 1, adapterErrors: 0, reconnects: 0 })).toBeNull();
  });
});
