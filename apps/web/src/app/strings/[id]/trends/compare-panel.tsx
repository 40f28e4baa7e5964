'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { useI18n } from '../../../../i18n/client';
import { interpolate } from '../../../../i18n/dictionary';
import type { CompareCandidate } from '../../../../lib/charts/compare-candidates';
import { METRIC_IDS, type MetricId } from '../../../../lib/charts/metrics';
import { type RangeChoice, trendsSearch } from '../../../../lib/charts/range';
import type { TimeRange } from '../../../../lib/charts/trend-data';
import { CompareChart } from './compare-chart';
import { ComparePicker } from './compare-picker';
import styles from './trends.module.css';

/** At most this many other strings on one chart: more lines stop being readable. */
export const MAX_COMPARED = 5;

interface ComparePanelProps {
  stringId: string;
  stringName: string;
  choice: RangeChoice;
  range: TimeRange;
  compare: string[];
  candidates: { sameSite: CompareCandidate[]; others: CompareCandidate[] };
  /** The site's IANA zone, for the time axis. */
  timeZone: string;
}

/** Overlay one metric across this string and the strings the user adds (kept in the URL). */
export function ComparePanel(props: ComparePanelProps) {
  const { t } = useI18n();
  const router = useRouter();
  const [metric, setMetric] = useState<MetricId>('soh');
  const words = t.trends.compare;
  const byId = useMemo(
    () => new Map([...props.candidates.sameSite, ...props.candidates.others].map((c) => [c.id, c])),
    [props.candidates],
  );
  const target = props.choice === 'custom' ? props.range : props.choice;
  const go = (compare: string[]) => router.push(trendsSearch(target, compare), { scroll: false });
  const chosen = props.compare.filter((id) => byId.has(id));
  return (
    <section className={`fleet-card ${styles.compare}`} aria-labelledby="compare-title" data-testid="compare">
      <h2 id="compare-title">{words.title}</h2>
      <label className={styles.metricSelect}>
        {words.metric}
        <select
          value={metric}
          onChange={(e) => setMetric(e.target.value as MetricId)}
          data-testid="compare-metric"
        >
          {METRIC_IDS.map((id) => (
            <option key={id} value={id}>
              {t.trends.metrics[id]}
            </option>
          ))}
        </select>
      </label>
      {chosen.length === 0 ? <p className={styles.hint}>{words.none}</p> : null}
      <ul className={styles.chosen}>
        {chosen.map((id) => {
          const name = byId.get(id)?.name ?? id;
          return (
            <li key={id} data-testid="compare-chosen">
              {name}{' '}
              <button
                type="button"
                className="fleet-button"
                aria-label={interpolate(words.remove, { name })}
                onClick={() => go(chosen.filter((c) => c !== id))}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      {chosen.length < MAX_COMPARED ? (
        <ComparePicker candidates={props.candidates} chosen={chosen} onAdd={(id) => go([...chosen, id])} />
      ) : null}
      {chosen.length > 0 ? (
        <CompareChart
          metric={metric}
          range={props.range}
          strings={[
            { id: props.stringId, name: interpolate(words.thisString, { name: props.stringName }) },
            ...chosen.map((id) => ({ id, name: byId.get(id)?.name ?? id })),
          ]}
          timeZone={props.timeZone}
        />
      ) : null}
    </section>
  );
}
