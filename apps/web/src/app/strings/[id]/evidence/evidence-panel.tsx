'use client';

import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../../../../i18n/client';
import { PackTable } from './pack-table';
import type { EvidencePack } from './queries';
import { RequestForm } from './request-form';

/** How often the list is read again while a pack is queued or being made. */
const POLL_MS = 1500;

interface EvidencePanelProps {
  stringId: string;
  initial: EvidencePack[];
  defaults: { from: string; to: string };
  /** The site's IANA zone, for the list's times. */
  timeZone: string;
}

/** The form and the list; the list polls (one request at a time) while any pack is unfinished. */
export function EvidencePanel({ stringId, initial, defaults, timeZone }: EvidencePanelProps) {
  const { t } = useI18n();
  const [packs, setPacks] = useState(initial);
  const [failedRefresh, setFailedRefresh] = useState(false);
  const [tick, setTick] = useState(0);
  useEffect(() => setPacks(initial), [initial]);
  const refresh = useCallback(() => setTick((n) => n + 1), []);
  const unfinished = packs.some((p) => p.status === 'queued' || p.status === 'running');
  useEffect(() => {
    if (!unfinished && tick === 0) {
      return;
    }
    let cancelled = false;
    const timer = setTimeout(
      async () => {
        try {
          const res = await fetch(`/strings/${stringId}/evidence/packs`, { cache: 'no-store' });
          if (!res.ok) {
            throw new Error(`status ${res.status}`);
          }
          const body = (await res.json()) as { items: EvidencePack[] };
          if (!cancelled) {
            setPacks(body.items);
            setFailedRefresh(false);
          }
        } catch {
          if (!cancelled) {
            setFailedRefresh(true);
            setTick((n) => n + 1);
          }
        }
      },
      tick > 0 && !unfinished ? 0 : POLL_MS,
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [stringId, unfinished, tick]);
  return (
    <>
      <RequestForm stringId={stringId} defaults={defaults} onQueued={refresh} />
      <section aria-labelledby="evidence-list-title">
        <h2 id="evidence-list-title">{t.evidence.list.title}</h2>
        {failedRefresh ? <p role="status">{t.evidence.list.refreshError}</p> : null}
        <PackTable stringId={stringId} packs={packs} timeZone={timeZone} />
      </section>
    </>
  );
}
