import type { HistoryDay } from '../../lib/owner/daily-history';
import styles from './my-system.module.css';

const WIDTH = 320;
const ENERGY_H = 120;
const SOC_TOP = 132;
const SOC_H = 40;
const HEIGHT = SOC_TOP + SOC_H + 14;

/**
 * Energy in (up) and out (down) per day as bars around a middle line, and below them each day's
 * SOC range (min to max, 0–100 %) as a floating bar: shapes an owner takes in at a glance. Drawn
 * for the eye only; the table beside it carries the numbers for everyone.
 */
export function HistoryChart({ days, label }: { days: readonly HistoryDay[]; label: string }) {
  const peak = Math.max(1, ...days.flatMap((d) => [d.inWh ?? 0, d.outWh ?? 0]));
  const mid = ENERGY_H / 2;
  const slot = WIDTH / Math.max(1, days.length);
  const bar = Math.max(2, slot * 0.6);
  const scale = (wh: number | null) => ((wh ?? 0) / peak) * (mid - 4);
  const socY = (pct: number) => SOC_TOP + SOC_H - (pct / 100) * SOC_H;
  return (
    <svg
      className={styles.chart}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={label}
      data-testid="history-chart"
    >
      <line className={styles.chartAxis} x1="0" x2={WIDTH} y1={mid} y2={mid} />
      <rect className={styles.socTrack} x="0" y={SOC_TOP} width={WIDTH} height={SOC_H} />
      {days.map((d, i) => {
        const x = i * slot + (slot - bar) / 2;
        return (
          <g key={d.day} data-day={d.day}>
            <rect className={styles.barIn} x={x} y={mid - scale(d.inWh)} width={bar} height={scale(d.inWh)} />
            <rect className={styles.barOut} x={x} y={mid} width={bar} height={scale(d.outWh)} />
            {d.socMinPct !== null && d.socMaxPct !== null ? (
              <rect
                className={styles.barSoc}
                x={x}
                y={socY(d.socMaxPct)}
                width={bar}
                height={Math.max(1, socY(d.socMinPct) - socY(d.socMaxPct))}
              />
            ) : null}
          </g>
        );
      })}
      {days.length > 0 ? (
        <>
          <text className={styles.chartLabel} x="0" y={HEIGHT - 2}>
            {days[0]?.day.slice(5)}
          </text>
          <text className={styles.chartLabel} x={WIDTH} y={HEIGHT - 2} textAnchor="end">
            {days.at(-1)?.day.slice(5)}
          </text>
        </>
      ) : null}
    </svg>
  );
}
