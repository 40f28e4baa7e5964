import { Counter, Gauge, type Registry } from 'prom-client';

/** A value, or one value per label set, read at scrape time. */
export type SnapshotReading = number | ReadonlyArray<readonly [Record<string, string>, number]>;

export interface SnapshotMetricSpec {
  name: string;
  help: string;
  labelNames?: readonly string[];
  /** Called on every scrape; reads the process's own counters, so there is one source of truth. */
  read: () => SnapshotReading;
}

/**
 * A Prometheus counter whose values are read from counters the process already keeps (ingest's
 * `IngestCounters`, the notification worker's `NotifyStats`): the service counts once, and both
 * `/health` and `/metrics` show that count, so the two can never disagree.
 */
export function snapshotCounter(registry: Registry, spec: SnapshotMetricSpec): Counter {
  return new Counter({
    name: spec.name,
    help: spec.help,
    labelNames: spec.labelNames ?? [],
    registers: [registry],
    collect() {
      this.reset();
      apply(spec.read(), (labels, value) => this.inc(labels, value));
    },
  });
}

/** The same for a value that goes up and down (a spool depth, a link state). */
export function snapshotGauge(registry: Registry, spec: SnapshotMetricSpec): Gauge {
  return new Gauge({
    name: spec.name,
    help: spec.help,
    labelNames: spec.labelNames ?? [],
    registers: [registry],
    collect() {
      this.reset();
      apply(spec.read(), (labels, value) => this.set(labels, value));
    },
  });
}

function apply(reading: SnapshotReading, set: (labels: Record<string, string>, value: number) => void): void {
  if (typeof reading === 'number') {
    set({}, Math.max(0, reading));
    return;
  }
  for (const [labels, value] of reading) {
    set(labels, value);
  }
}
