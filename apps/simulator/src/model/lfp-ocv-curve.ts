// Open-circuit voltage of an LFP cell against its state of charge: a typical textbook shape
// (steep below 10 %, a long flat plateau, steep again above 90 %). A simulator assumption,
// not a Pylontech figure.

/** [SOC fraction, mV] points, linearly interpolated. */
const CURVE: readonly (readonly [number, number])[] = [
  [0, 2800],
  [0.05, 3050],
  [0.1, 3180],
  [0.2, 3240],
  [0.3, 3270],
  [0.4, 3285],
  [0.5, 3295],
  [0.6, 3305],
  [0.7, 3320],
  [0.8, 3335],
  [0.9, 3350],
  [0.95, 3380],
  [1, 3450],
];

export function ocvMv(soc: number): number {
  const s = Math.min(1, Math.max(0, soc));
  for (let i = 1; i < CURVE.length; i += 1) {
    const [s1, v1] = CURVE[i]!;
    if (s <= s1) {
      const [s0, v0] = CURVE[i - 1]!;
      return v0 + ((v1 - v0) * (s - s0)) / (s1 - s0);
    }
  }
  return CURVE[CURVE.length - 1]![1];
}
