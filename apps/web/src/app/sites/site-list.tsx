'use client';

import { Badge, Card } from '@fleet/ui';
import Link from 'next/link';
import { useState, useTransition } from 'react';
import { interpolate } from '../../i18n/dictionary';
import type { Dictionary } from '../../i18n/en';
import type { SiteList as SitePage, SiteSummary } from '../../lib/api/types';
import { formatAge } from '../../lib/format/units';
import { LoadMoreButton } from '../load-more-button';
import { loadMoreSites } from './actions';
import { counted } from './counted';
import styles from './sites.module.css';

interface SiteListProps {
  initial: SitePage;
  q: string | undefined;
  now: number;
  t: Dictionary;
}

/** The first page from the server, further pages on "Load more" (same search), as in the alarm inbox. */
export function SiteList({ initial, q, now, t }: SiteListProps) {
  const [items, setItems] = useState<SiteSummary[]>(initial.items);
  const [cursor, setCursor] = useState(initial.nextCursor);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [pending, startTransition] = useTransition();
  const loadMore = () =>
    startTransition(async () => {
      if (!cursor) {
        return;
      }
      const page = await loadMoreSites(q, cursor);
      if (page.ok) {
        setItems((current) => [
          ...current,
          ...page.data.items.filter((s) => !current.some((c) => c.id === s.id)),
        ]);
        setCursor(page.data.nextCursor);
        setMessage(interpolate(t.sites.shown, { n: items.length + page.data.items.length }));
      } else {
        setMessage(interpolate(t.sites.loadMoreFailed, { message: page.message }));
      }
    });
  return (
    <div className={styles.list} aria-busy={pending}>
      <div className={styles.grid} data-testid="site-cards">
        {items.map((site) => (
          <SiteCard key={site.id} site={site} now={now} t={t} />
        ))}
      </div>
      <p className={styles.message} role="status" data-testid="sites-message">
        {message ?? ''}
      </p>
      {cursor ? (
        <LoadMoreButton
          onClick={loadMore}
          pending={pending}
          label={t.sites.loadMore}
          pendingLabel={t.sites.loadingMore}
          testId="sites-load-more"
        />
      ) : null}
    </div>
  );
}

function SiteCard({ site, now, t }: { site: SiteSummary; now: number; t: Dictionary }) {
  const count = site.strings.length;
  return (
    <Card
      title={
        <Link href={`/sites/${site.id}`} data-testid="site-link">
          {site.name}
        </Link>
      }
      aside={<Badge>{counted(count, t.sites.stringCountOne, t.sites.stringCount)}</Badge>}
    >
      <p className={styles.address}>{site.address ?? t.sites.noAddress}</p>
      {count === 0 ? (
        <p className={styles.empty}>{t.sites.noStrings}</p>
      ) : (
        <ul className={styles.strings} data-testid="site-strings">
          {site.strings.map((s) => (
            <li key={s.id}>
              <Link href={`/strings/${s.id}`} className={styles.stringLink} data-testid="string-link">
                <span className={styles.stringName}>{s.name}</span>
                <span className={styles.stringMeta}>
                  {s.moduleCount ? `${s.moduleCount} × ${s.moduleType}` : s.moduleType} · {t.sites.address}{' '}
                  {s.bmsAddress}
                </span>
                <span className={styles.stringAge} title={s.lastSampleAt ?? undefined}>
                  {s.lastSampleAt
                    ? interpolate(t.sites.lastSample, { age: formatAge(s.lastSampleAt, now, t) })
                    : t.sites.noDataYet}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
