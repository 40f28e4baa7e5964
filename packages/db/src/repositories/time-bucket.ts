export type TimeBucketFlavor = 'timescaledb' | 'postgres';

/** Bucket origin for both flavours, so TimescaleDB and plain PostgreSQL bucket identically. */
const ORIGIN = "'2000-01-01T00:00:00Z'::timestamptz";

/** The SQL expression that floors `column` to its bucket of width `intervalParam`. */
export function timeBucketExpression(
  flavor: TimeBucketFlavor,
  intervalParam: string,
  column: string,
): string {
  switch (flavor) {
    case 'timescaledb':
      return `time_bucket(${intervalParam}::interval, ${column}, ${ORIGIN})`;
    case 'postgres':
      return `date_bin(${intervalParam}::interval, ${column}, ${ORIGIN})`;
  }
}
