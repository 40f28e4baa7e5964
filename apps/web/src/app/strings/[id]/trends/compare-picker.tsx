'use client';

import { useId, useState } from 'react';
import { useI18n } from '../../../../i18n/client';
import { type CompareCandidate, searchCandidates } from '../../../../lib/charts/compare-candidates';
import styles from './trends.module.css';

interface ComparePickerProps {
  candidates: { sameSite: CompareCandidate[]; others: CompareCandidate[] };
  chosen: readonly string[];
  onAdd: (id: string) => void;
}

/** The same site's strings as buttons, then a search over the rest of the caller's strings. */
export function ComparePicker({ candidates, chosen, onAdd }: ComparePickerProps) {
  const { t } = useI18n();
  const words = t.trends.compare;
  const [query, setQuery] = useState('');
  const hintId = useId();
  const open = (list: readonly CompareCandidate[]) => list.filter((c) => !chosen.includes(c.id));
  const sameSite = open(candidates.sameSite);
  const matches = open(searchCandidates(candidates.others, query));
  const button = (c: CompareCandidate, withSite: boolean) => (
    <li key={c.id}>
      <button type="button" className="fleet-button" onClick={() => onAdd(c.id)} data-testid="compare-add">
        {words.add}: {c.name}
        {withSite ? ` · ${c.siteName}` : ''}
      </button>
    </li>
  );
  return (
    <div className={styles.picker}>
      {sameSite.length > 0 ? (
        <>
          <h3>{words.sameSite}</h3>
          <ul className={styles.candidates}>{sameSite.map((c) => button(c, false))}</ul>
        </>
      ) : null}
      {candidates.others.length > 0 ? (
        <>
          <h3>{words.otherSites}</h3>
          <label>
            {words.search}
            <input
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              aria-describedby={hintId}
              data-testid="compare-search"
            />
          </label>
          <p id={hintId} className={styles.hint}>
            {words.searchHint}
          </p>
          {query.trim() && matches.length === 0 ? <p className={styles.hint}>{words.noMatches}</p> : null}
          <ul className={styles.candidates} aria-live="polite">
            {matches.map((c) => button(c, true))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
