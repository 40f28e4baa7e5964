'use client';

import { SeverityBadge } from '@fleet/ui';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { interpolate } from '../../i18n/dictionary';
import type { Dictionary } from '../../i18n/en';
import type { Alarm, AlarmList } from '../../lib/api/types';
import { formatAge } from '../../lib/format/units';
import { LoadMoreButton } from '../load-more-button';
import { acknowledgeAlarms, assignAlarmsToMe, loadMoreAlarms, resolveAlarms } from './actions';
import styles from './alarms.module.css';
import type { AlarmFilters } from './filters';

export interface PlaceNames {
  sites: Record<string, string>;
  strings: Record<string, string>;
}

/** What the bulk bar does to the selection. */
export type BulkKind = 'acknowledge' | 'resolve' | 'assign';

/** Alarms a bulk action can still change: not resolved or closed. */
const selectable = (a: Alarm) => a.status === 'open' || a.status === 'acknowledged';

/** One bulk call, reduced to how many alarms it changed and how many it refused. */
async function callBulk(kind: BulkKind, ids: string[]) {
  if (kind === 'acknowledge') {
    const r = await acknowledgeAlarms(ids);
    return r.ok
      ? { ok: true as const, changed: r.data.acknowledged.length, refused: r.data.refused.length }
      : r;
  }
  if (kind === 'resolve') {
    const r = await resolveAlarms(ids);
    return r.ok ? { ok: true as const, changed: r.data.resolved.length, refused: r.data.refused.length } : r;
  }
  const r = await assignAlarmsToMe(ids);
  return r.ok ? { ok: true as const, changed: r.data.assigned.length, refused: r.data.refused.length } : r;
}

/** The sentences that announce a bulk action's outcome or failure. */
const bulkTexts = (t: Dictionary) =>
  ({
    acknowledge: { done: t.alarms.bulkDone, failed: t.alarms.bulkFailed },
    resolve: { done: t.alarms.bulkResolved, failed: t.alarms.bulkResolveFailed },
    assign: { done: t.alarms.bulkAssigned, failed: t.alarms.bulkAssignFailed },
  }) satisfies Record<BulkKind, { done: string; failed: string }>;

/** One bulk call and the sentence that announces its outcome. */
async function runBulk(kind: BulkKind, ids: string[], t: Dictionary): Promise<{ ok: boolean; text: string }> {
  const r = await callBulk(kind, ids);
  const texts = bulkTexts(t)[kind];
  return r.ok
    ? { ok: true, text: interpolate(texts.done, { ok: r.changed, refused: r.refused }) }
    : { ok: false, text: interpolate(texts.failed, { message: r.message }) };
}

interface AlarmInboxProps {
  initial: AlarmList;
  filters: AlarmFilters;
  names: PlaceNames;
  canAct: boolean;
  now: number;
  t: Dictionary;
}

/** Rows, cursor, selection and the server calls of the inbox (load more, the bulk actions). */
function useInbox(initial: AlarmList, filters: AlarmFilters, t: Dictionary) {
  const router = useRouter();
  const [source, setSource] = useState(initial);
  const [items, setItems] = useState<Alarm[]>(initial.items);
  const [cursor, setCursor] = useState(initial.nextCursor);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [pending, startTransition] = useTransition();
  if (source !== initial) {
    // New server render: start again from its first page, keep the selection of rows still shown.
    setSource(initial);
    setItems(initial.items);
    setCursor(initial.nextCursor);
    setSelected(
      (s) => new Set([...s].filter((id) => initial.items.some((a) => a.id === id && selectable(a)))),
    );
  }

  const loadMore = () =>
    startTransition(async () => {
      if (!cursor) {
        return;
      }
      const page = await loadMoreAlarms(filters, cursor);
      if (page.ok) {
        setItems((current) => [
          ...current,
          ...page.data.items.filter((a) => !current.some((c) => c.id === a.id)),
        ]);
        setCursor(page.data.nextCursor);
        setMessage(undefined);
      } else {
        setMessage(interpolate(t.alarms.loadMoreFailed, { message: page.message }));
      }
    });

  const bulk = (kind: BulkKind) =>
    startTransition(async () => {
      const outcome = await runBulk(kind, [...selected], t);
      setMessage(outcome.text);
      if (outcome.ok) {
        setSelected(new Set());
        router.refresh();
      }
    });

  return { items, cursor, selected, setSelected, message, pending, loadMore, bulk };
}

/**
 * The inbox list: rows of the first page from the server, further pages on "Load more", and the
 * selection for bulk acknowledge, resolve and assign-to-me. A refresh from the server (live event, action) replaces the
 * rows with the new first page.
 */
export function AlarmInbox({ initial, filters, names, canAct, now, t }: AlarmInboxProps) {
  const { items, cursor, selected, setSelected, message, pending, loadMore, bulk } = useInbox(
    initial,
    filters,
    t,
  );
  const actionable = items.filter(selectable);
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      next.has(id) ? next.delete(id) : next.add(id);
      return next;
    });
  const allSelected = actionable.length > 0 && actionable.every((a) => selected.has(a.id));
  const toggleAll = () => setSelected(allSelected ? new Set() : new Set(actionable.map((a) => a.id)));

  return (
    <div className={styles.inbox} aria-busy={pending}>
      {canAct ? (
        <BulkBar
          allSelected={allSelected}
          onToggleAll={toggleAll}
          selectable={actionable.length}
          selected={selected.size}
          pending={pending}
          onBulk={bulk}
          t={t}
        />
      ) : null}
      <div role="status">
        {message ? (
          <p className={styles.message} data-testid="inbox-message">
            {message}
          </p>
        ) : null}
      </div>
      <ul className={styles.rows} data-testid="alarm-rows">
        {items.map((alarm) => (
          <AlarmRow
            key={alarm.id}
            alarm={alarm}
            names={names}
            now={now}
            t={t}
            selectable={canAct && selectable(alarm)}
            selected={selected.has(alarm.id)}
            onToggle={() => toggle(alarm.id)}
          />
        ))}
      </ul>
      {cursor ? (
        <LoadMoreButton
          onClick={loadMore}
          pending={pending}
          label={t.alarms.loadMore}
          pendingLabel={t.alarms.loadingMore}
          testId="load-more"
        />
      ) : null}
    </div>
  );
}

interface BulkBarProps {
  allSelected: boolean;
  onToggleAll: () => void;
  selectable: number;
  selected: number;
  pending: boolean;
  onBulk: (kind: BulkKind) => void;
  t: Dictionary;
}

const BULK_BUTTONS: readonly {
  kind: BulkKind;
  label: 'acknowledgeSelected' | 'resolveSelected' | 'assignSelectedToMe';
}[] = [
  { kind: 'acknowledge', label: 'acknowledgeSelected' },
  { kind: 'resolve', label: 'resolveSelected' },
  { kind: 'assign', label: 'assignSelectedToMe' },
];

function BulkBar({ allSelected, onToggleAll, selectable, selected, pending, onBulk, t }: BulkBarProps) {
  return (
    <div className={styles.bulkBar}>
      <label className={styles.selectAll}>
        <input type="checkbox" checked={allSelected} onChange={onToggleAll} disabled={selectable === 0} />
        {t.alarms.selectAll}
      </label>
      <span aria-live="polite">{interpolate(t.alarms.selected, { n: selected })}</span>
      {BULK_BUTTONS.map(({ kind, label }, i) => (
        <button
          key={kind}
          type="button"
          className={i === 0 ? 'fleet-button fleet-button--primary' : 'fleet-button'}
          disabled={selected === 0 || pending}
          onClick={() => onBulk(kind)}
          data-testid={`bulk-${kind}`}
        >
          {t.alarms[label]}
        </button>
      ))}
    </div>
  );
}

interface AlarmRowProps {
  alarm: Alarm;
  names: PlaceNames;
  now: number;
  t: Dictionary;
  selectable: boolean;
  selected: boolean;
  onToggle: () => void;
}

function AlarmRow({ alarm, names, now, t, selectable, selected, onToggle }: AlarmRowProps) {
  const site = names.sites[alarm.siteId] ?? t.alarms.unknownSite;
  const stringName = alarm.stringId ? names.strings[alarm.stringId] : undefined;
  const where = stringName ? interpolate(t.alarms.whereString, { site, string: stringName }) : site;
  return (
    <li
      className={styles.row}
      data-testid="alarm-row"
      data-status={alarm.status}
      data-severity={alarm.severity}
    >
      <span className={styles.check}>
        {selectable ? (
          <input
            type="checkbox"
            checked={selected}
            onChange={onToggle}
            aria-label={`${t.alarms.select}: ${alarm.title}`}
            data-testid="alarm-select"
          />
        ) : null}
      </span>
      <span className={styles.severity}>
        <SeverityBadge severity={alarm.severity} label={t.severity[alarm.severity]} />
      </span>
      <span className={styles.main}>
        <Link href={`/alarms/${alarm.id}`} className={styles.title} data-testid="alarm-link">
          {alarm.title}
        </Link>
        <span className={styles.where}>{where}</span>
      </span>
      <span className={styles.count} title={t.alarms.colCount}>
        {interpolate(t.alarm.countTimes, { n: alarm.count })}
      </span>
      <span className={styles.status} data-testid="alarm-status">
        {t.status[alarm.status]}
      </span>
      <time className={styles.age} dateTime={alarm.lastFiredAt} title={alarm.lastFiredAt}>
        {formatAge(alarm.lastFiredAt, now, t)}
      </time>
    </li>
  );
}
