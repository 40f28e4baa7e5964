import type uPlot from 'uplot';
import type { TimeRange } from './trend-data';

/**
 * Fills the plotting area under each missing range (ms) with `colour` and a diagonal hatch, so
 * a hole reads as "no data" also in grey-scale and for colour-blind readers. Runs in uPlot's
 * drawClear hook, i.e. beneath the series.
 */
export function shadeMissing(u: uPlot, missing: readonly TimeRange[], colour: string): void {
  const { ctx, bbox } = u;
  const left = bbox.left;
  const right = bbox.left + bbox.width;
  ctx.save();
  for (const range of missing) {
    const x0 = Math.max(left, u.valToPos(range.from / 1000, 'x', true));
    const x1 = Math.min(right, u.valToPos(range.to / 1000, 'x', true));
    if (x1 - x0 < 1) {
      continue;
    }
    ctx.fillStyle = colour;
    ctx.fillRect(x0, bbox.top, x1 - x0, bbox.height);
    ctx.beginPath();
    ctx.rect(x0, bbox.top, x1 - x0, bbox.height);
    ctx.clip();
    ctx.strokeStyle = colour;
    ctx.lineWidth = 2;
    for (let x = x0 - bbox.height; x < x1; x += 10) {
      ctx.moveTo(x, bbox.top + bbox.height);
      ctx.lineTo(x + bbox.height, bbox.top);
    }
    ctx.stroke();
    ctx.restore();
    ctx.save();
  }
  ctx.restore();
}
