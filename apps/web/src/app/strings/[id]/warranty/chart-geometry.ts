/** A point of the SOH chart: epoch ms and %. */
export interface ChartPoint {
  t: number;
  pct: number;
}

export interface ChartBox {
  width: number;
  height: number;
  /** Room for the axis labels on the left and at the bottom. */
  left: number;
  bottom: number;
}

export interface ChartGeometry {
  /** SVG path of the measured SOH; '' without points. */
  sohPath: string;
  /** SVG path of the guaranteed line; null without one. */
  linePath: string | null;
  yTicks: { y: number; pct: number }[];
  xTicks: { x: number; year: number }[];
}

/**
 * Where the SOH history and the guaranteed line go in the box. The time axis spans both (so the
 * history sits where it is in the term); the SOH axis runs from 100 % down to 5 points under the
 * lowest value shown, in 5 % steps.
 */
export function chartGeometry(
  history: readonly ChartPoint[],
  line: readonly ChartPoint[] | null,
  box: ChartBox,
): ChartGeometry {
  const all = [...history, ...(line ?? [])];
  if (all.length === 0) {
    return { sohPath: '', linePath: null, yTicks: [], xTicks: [] };
  }
  const t0 = Math.min(...all.map((p) => p.t));
  const t1 = Math.max(...all.map((p) => p.t), t0 + 86_400_000);
  const low = Math.max(0, Math.floor((Math.min(...all.map((p) => p.pct)) - 5) / 5) * 5);
  const plotW = box.width - box.left;
  const plotH = box.height - box.bottom;
  const x = (t: number) => box.left + ((t - t0) / (t1 - t0)) * plotW;
  const y = (pct: number) => ((100 - pct) / (100 - low)) * plotH;
  const path = (points: readonly ChartPoint[]) =>
    points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.t).toFixed(1)},${y(p.pct).toFixed(1)}`).join(' ');
  const yTicks = [];
  for (let pct = 100; pct >= low; pct -= pct - low > 20 ? 10 : 5) {
    yTicks.push({ y: y(pct), pct });
  }
  const xTicks = [];
  for (let year = new Date(t0).getUTCFullYear() + 1; Date.UTC(year, 0, 1) <= t1; year += 1) {
    xTicks.push({ x: x(Date.UTC(year, 0, 1)), year });
  }
  return { sohPath: path(history), linePath: line ? path(line) : null, yTicks, xTicks: thinTicks(xTicks) };
}

/** At most 8 year labels: every n-th year on a long term. */
function thinTicks<T>(ticks: T[]): T[] {
  const every = Math.ceil(ticks.length / 8);
  return ticks.filter((_, i) => i % every === 0);
}
