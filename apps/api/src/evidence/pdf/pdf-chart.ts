/** A chart series: points as [epoch ms, value]; null values break the line. */
export interface ChartSeries {
  label: string;
  color: string;
  points: ReadonlyArray<readonly [number, number | null]>;
  /** Bars from the axis instead of a line (daily energy, completeness). */
  bars?: boolean;
}

export interface ChartBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartOptions {
  unit: string;
  /** Fixed value range (e.g. 0–100 %); default: the data's, padded. */
  min?: number;
  max?: number;
  from: number;
  to: number;
}

/** The drawing calls the chart uses, so it can be tested against a recorder instead of a PDF. */
export interface ChartCanvas {
  save(): this;
  restore(): this;
  lineWidth(w: number): this;
  strokeColor(color: string): this;
  fillColor(color: string): this;
  moveTo(x: number, y: number): this;
  lineTo(x: number, y: number): this;
  rect(x: number, y: number, w: number, h: number): this;
  stroke(): this;
  fill(): this;
  fontSize(size: number): this;
  text(
    text: string,
    x: number,
    y: number,
    options?: { width?: number; align?: 'left' | 'right' | 'center'; lineBreak?: boolean },
  ): this;
}

/** Lower and upper bound of the values, padded by 5 % (or ±1 for a flat series). */
export function valueRange(
  series: readonly ChartSeries[],
  options: Pick<ChartOptions, 'min' | 'max'>,
): [number, number] {
  const values = series.flatMap((s) => s.points.map((p) => p[1]).filter((v): v is number => v !== null));
  if (values.length === 0) {
    return [options.min ?? 0, options.max ?? 1];
  }
  const lo = options.min ?? Math.min(...values, ...(series.some((s) => s.bars) ? [0] : []));
  const hi = options.max ?? Math.max(...values);
  if (hi === lo) {
    return [lo - 1, hi + 1];
  }
  const pad = options.min === undefined && options.max === undefined ? (hi - lo) * 0.05 : 0;
  return [options.min ?? lo - pad, options.max ?? hi + pad];
}

/**
 * A time chart drawn as vectors: frame, value axis labels at min/mid/max, date labels at both
 * ends, one line (or bars) per series and a legend. Nothing rasterised, so it needs no browser.
 */
export function drawTimeChart(
  canvas: ChartCanvas,
  box: ChartBox,
  series: readonly ChartSeries[],
  options: ChartOptions,
): void {
  const [lo, hi] = valueRange(series, options);
  const span = Math.max(1, options.to - options.from);
  const px = (t: number) => box.x + ((t - options.from) / span) * box.width;
  const py = (v: number) => box.y + box.height - ((v - lo) / (hi - lo)) * box.height;
  canvas.save().lineWidth(0.5).strokeColor('#888888').rect(box.x, box.y, box.width, box.height).stroke();
  canvas.fontSize(7).fillColor('#444444');
  for (const v of [lo, (lo + hi) / 2, hi]) {
    canvas.text(`${formatTick(v)} ${options.unit}`, box.x - 62, py(v) - 3, {
      width: 58,
      align: 'right',
      lineBreak: false,
    });
  }
  canvas.text(new Date(options.from).toISOString().slice(0, 10), box.x, box.y + box.height + 3, {
    lineBreak: false,
  });
  canvas.text(
    new Date(options.to).toISOString().slice(0, 10),
    box.x + box.width - 60,
    box.y + box.height + 3,
    {
      width: 60,
      align: 'right',
      lineBreak: false,
    },
  );
  series.forEach((s, i) => {
    if (s.bars) {
      drawBars(canvas, s, px, py, lo, box.width / Math.max(1, span / 86_400_000));
    } else {
      drawLine(canvas, s, px, py);
    }
    canvas
      .fillColor(s.color)
      .rect(box.x + i * 150, box.y - 10, 8, 6)
      .fill();
    canvas.fillColor('#222222').text(s.label, box.x + i * 150 + 11, box.y - 11, { lineBreak: false });
  });
  canvas.restore();
}

function drawLine(
  canvas: ChartCanvas,
  s: ChartSeries,
  px: (t: number) => number,
  py: (v: number) => number,
): void {
  canvas.lineWidth(1).strokeColor(s.color);
  let pen = false;
  for (const [t, v] of s.points) {
    if (v === null) {
      pen = false;
      continue;
    }
    if (pen) {
      canvas.lineTo(px(t), py(v));
    } else {
      canvas.moveTo(px(t), py(v));
      pen = true;
    }
  }
  canvas.stroke();
}

function drawBars(
  canvas: ChartCanvas,
  s: ChartSeries,
  px: (t: number) => number,
  py: (v: number) => number,
  lo: number,
  dayWidth: number,
): void {
  canvas.fillColor(s.color);
  const width = Math.max(0.3, dayWidth * 0.8);
  for (const [t, v] of s.points) {
    if (v === null) {
      continue;
    }
    const top = py(Math.max(v, lo));
    const base = py(Math.max(lo, 0));
    canvas.rect(px(t), Math.min(top, base), width, Math.abs(base - top));
  }
  canvas.fill();
}

function formatTick(v: number): string {
  const abs = Math.abs(v);
  return abs >= 100 ? v.toFixed(0) : abs >= 10 ? v.toFixed(1) : v.toFixed(2);
}
