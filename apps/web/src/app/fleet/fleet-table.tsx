'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useEffect, useMemo, useRef } from 'react';
import { useI18n } from '../../i18n/client';
import { createUnitFormatter } from '../../lib/format/units';
import styles from './fleet.module.css';
import { FleetTableHead, FleetTableRow } from './fleet-cells';
import type { FleetPage } from './fleet-types';
import { useFleetPages } from './use-fleet-pages';

const ROW_HEIGHT = 52;
/** Start loading the next page this many rows before the loaded ones run out. */
const PREFETCH_ROWS = 30;

interface FleetTableProps {
  initial: FleetPage;
  /** The view's canonical query string; a new one mounts a new table (the page keys it). */
  search: string;
  now: number;
}

/**
 * The fleet as one real table whose body renders only the rows in view (plus overscan), with
 * spacer rows standing in for the others, so 10,000 strings cost what 30 do. aria-rowcount is
 * the total over all pages and each row carries its aria-rowindex, so a screen reader knows where
 * it is; arrow keys, Home and End move between the rows' links, scrolling them into view.
 */
export function FleetTable({ initial, search, now }: FleetTableProps) {
  const { locale, t } = useI18n();
  const u = useMemo(() => createUnitFormatter(locale), [locale]);
  const pages = useFleetPages(initial, search);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: pages.rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Rendered on the server with the first screen of rows, so they show before any script runs.
    initialRect: { width: 1200, height: 640 },
  });
  const items = virtual.getVirtualItems();
  const lastShown = items.at(-1)?.index ?? 0;
  const { more, rows } = pages;
  useEffect(() => {
    if (lastShown >= rows.length - PREFETCH_ROWS) {
      more();
    }
  }, [lastShown, rows.length, more]);

  const focusRow = (index: number) => {
    const target = Math.max(0, Math.min(rows.length - 1, index));
    virtual.scrollToIndex(target, { align: 'auto' });
    requestAnimationFrame(() => {
      scroller.current?.querySelector<HTMLElement>(`tr[data-index="${target}"] a`)?.focus();
    });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const current = Number((event.target as HTMLElement).closest('tr')?.dataset.index ?? -1);
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      Home: 0,
      End: rows.length - 1,
      PageDown: current + 10,
      PageUp: current - 10,
    };
    const to = moves[event.key];
    if (to !== undefined && current >= 0) {
      event.preventDefault();
      focusRow(to);
    }
  };

  const before = items[0]?.start ?? 0;
  const after = virtual.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div className={styles.tableWrap}>
      <p id="fleet-keys" className="visually-hidden">
        {t.fleet.keyboardHint}
      </p>
      <div ref={scroller} className={styles.scroller} data-testid="fleet-scroller">
        <table
          className={styles.table}
          aria-label={t.fleet.tableLabel}
          aria-rowcount={pages.total + 1}
          aria-describedby="fleet-keys"
          data-testid="fleet-table"
          data-total={pages.total}
        >
          <FleetTableHead t={t} />
          <tbody onKeyDown={onKeyDown}>
            {before > 0 ? <Spacer height={before} /> : null}
            {items.map((item) => {
              const row = rows[item.index];
              return row ? (
                <FleetTableRow key={row.stringId} row={row} index={item.index} now={now} t={t} u={u} />
              ) : null;
            })}
            {after > 0 ? <Spacer height={after} /> : null}
          </tbody>
        </table>
      </div>
      <p className={styles.tableStatus} role="status" data-testid="fleet-load-status">
        {pages.loading ? t.fleet.loadingMore : pages.failed ? t.fleet.loadFailed : ''}
      </p>
    </div>
  );
}

/** Stands in for the rows above or below the rendered ones, so the scrollbar spans them all. */
function Spacer({ height }: { height: number }) {
  return (
    <tr>
      <td colSpan={9} aria-hidden="true" style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}
