/** What the evaluator did and refused, by name (bad input is counted, never thrown). */
export class AlarmCounters {
  readonly counts: Record<string, number> = {};

  add(name: string, by = 1): void {
    this.counts[name] = (this.counts[name] ?? 0) + by;
  }

  addAll(byName: Record<string, number>, prefix: string): void {
    for (const [name, n] of Object.entries(byName)) {
      this.add(`${prefix}${name}`, n);
    }
  }
}
