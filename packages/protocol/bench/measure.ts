// Timing helper of the protocol benchmark: runs a workload in rounds until `budgetMs` has
// passed (after a warm-up, so the JIT has settled) and reports items per second.

export interface Measurement {
  itemsPerSecond: number;
  nsPerItem: number;
}

/** A value the optimiser cannot prove unused, so measured work is not eliminated. */
export let sink = 0;

export function consume(value: number): void {
  sink = (sink + value) | 0;
}

export function measure(round: () => number, budgetMs = 1_000): Measurement {
  const warmUntil = performance.now() + budgetMs / 4;
  while (performance.now() < warmUntil) {
    round();
  }
  let items = 0;
  const start = process.hrtime.bigint();
  const stopAt = start + BigInt(budgetMs) * 1_000_000n;
  let now = start;
  while (now < stopAt) {
    items += round();
    now = process.hrtime.bigint();
  }
  const ns = Number(now - start);
  return { itemsPerSecond: (items * 1e9) / ns, nsPerItem: ns / items };
}
