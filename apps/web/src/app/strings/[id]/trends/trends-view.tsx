'use client';

import { useRouter } from 'next/navigation';
import { useCallback } from 'react';
import { useI18n } from '../../../../i18n/client';
import { interpolate } from '../../../../i18n/dictionary';
import type { CompareCandidate } from '../../../../lib/charts/compare-candidates';
import { type RangeChoice, trendsSearch } from '../../../../lib/charts/range';
import type { TimeRange } from '../../../../lib/charts/trend-data';
import { ComparePanel } from './compare-panel';
import { RangeControls } from './range-controls';
import styles from './trends.module.css';
import { TrendsBody } from './trends-body';
import { useTrendData } from './use-trend-data';

export interface TrendsViewProps {
  stringId: string;
  stringName: string;
  choice: RangeChoice;
  range: TimeRange;
  compare: string[];
  candidates: { sameSite: CompareCandidate[]; others: CompareCandidate[] };
  /** The site's IANA zone: the form, the tables and the time axes use the site's clock. */
  timeZone: string;
}

/** The trends page in the browser: range controls, the string's charts, and the comparison. */
export function TrendsView(props: TrendsViewProps) {
  const { t } = useI18n();
  const router = useRouter();
  const data = useTrendData(props.stringId, props.range);
  const { compare } = props;
  // A zoom is a navigation to ?from=…&to=…: the server re-renders, the API picks a finer tier,
  // and the browser's back button is the way out again.
  const navigate = useCallback(
    (target: TimeRange) => router.push(trendsSearch(target, compare), { scroll: false }),
    [router, compare],
  );
  return (
    <div className={styles.layout}>
      <RangeControls
        choice={props.choice}
        range={props.range}
        compare={compare}
        onNavigate={navigate}
        timeZone={props.timeZone}
      />
      {data.status === 'loading' ? (
        <p className="state-message" aria-busy="true" data-testid="trends-loading">
          {t.trends.states.loading}
        </p>
      ) : data.status === 'error' ? (
        <TrendsError message={data.message} retry={data.reload} />
      ) : (
        <TrendsBody
          stringId={props.stringId}
          stringName={props.stringName}
          choice={props.choice}
          range={props.range}
          data={data.data}
          onZoom={navigate}
          timeZone={props.timeZone}
        />
      )}
      <ComparePanel
        stringId={props.stringId}
        stringName={props.stringName}
        choice={props.choice}
        range={props.range}
        compare={compare}
        candidates={props.candidates}
        timeZone={props.timeZone}
      />
    </div>
  );
}

function TrendsError({ message, retry }: { message: string; retry: () => void }) {
  const { t } = useI18n();
  return (
    <div className="fleet-card" role="alert" data-testid="trends-error">
      <p>{interpolate(t.trends.states.error, { message })}</p>
      <button type="button" className="fleet-button" onClick={retry}>
        {t.trends.states.retry}
      </button>
    </div>
  );
}
