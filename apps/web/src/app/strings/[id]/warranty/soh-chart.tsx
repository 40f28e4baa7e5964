import type { Dictionary } from '../../../../i18n/en';
import { chartGeometry } from './chart-geometry';
import type { WarrantyStatus } from './projection-texts';
import styles from './warranty.module.css';

const BOX = { width: 560, height: 240, left: 44, bottom: 22 };

/** A small SVG of the daily SOH against the guaranteed line (dashed), with axes in % and years. */
export function SohChart({ soh, t }: { soh: WarrantyStatus['soh']; t: Dictionary['warranty']['string'] }) {
  const history = soh.history.map((p) => ({ t: Date.parse(p.day), pct: p.sohPct }));
  const line = soh.guaranteedLine
    ? [
        { t: Date.parse(soh.guaranteedLine.start), pct: soh.guaranteedLine.startPct },
        { t: Date.parse(soh.guaranteedLine.end), pct: soh.guaranteedLine.endPct },
      ]
    : null;
  if (history.length === 0) {
    return <p className="state-message">{t.chartEmpty}</p>;
  }
  const g = chartGeometry(history, line, BOX);
  const plotBottom = BOX.height - BOX.bottom;
  return (
    <figure className={styles.chart}>
      <svg
        // 10 units above the plot, so the 100 % label at its top edge is not cut off.
        viewBox={`0 -10 ${BOX.width} ${BOX.height + 10}`}
        role="img"
        aria-labelledby="soh-chart-title soh-chart-desc"
        data-testid="soh-chart"
      >
        <title id="soh-chart-title">{t.chart}</title>
        <desc id="soh-chart-desc">{t.chartDescription}</desc>
        {g.yTicks.map((tick) => (
          <g key={tick.pct}>
            <line x1={BOX.left} x2={BOX.width} y1={tick.y} y2={tick.y} className={styles.gridLine} />
            <text x={BOX.left - 6} y={tick.y + 4} textAnchor="end" className={styles.axis}>
              {tick.pct} %
            </text>
          </g>
        ))}
        {g.xTicks.map((tick) => (
          <text key={tick.year} x={tick.x} y={BOX.height - 4} textAnchor="middle" className={styles.axis}>
            {tick.year}
          </text>
        ))}
        <line x1={BOX.left} x2={BOX.width} y1={plotBottom} y2={plotBottom} className={styles.gridLine} />
        {g.linePath ? (
          <path d={g.linePath} className={styles.guaranteed} data-testid="soh-guaranteed" />
        ) : null}
        <path d={g.sohPath} className={styles.soh} data-testid="soh-line" />
      </svg>
      <figcaption className={styles.legend}>
        <span className={styles.legendSoh}>{t.legendSoh}</span>
        {g.linePath ? <span className={styles.legendLine}>{t.legendLine}</span> : null}
      </figcaption>
    </figure>
  );
}
