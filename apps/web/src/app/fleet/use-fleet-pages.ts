'use client';

import { useCallback, useRef, useState } from 'react';
import { loadFleetPage } from './actions';
import type { FleetPage, FleetRow } from './fleet-types';

export interface FleetPages {
  rows: FleetRow[];
  total: number;
  loading: boolean;
  failed: boolean;
  /** Loads the next page unless one is loading or none is left. */
  more(): void;
}

/**
 * The rows loaded so far for one view (its canonical `search`), growing page by page through the
 * server action. One request at a time; a failure stops loading until `more` is called again.
 */
export function useFleetPages(initial: FleetPage, search: string): FleetPages {
  const [rows, setRows] = useState(initial.rows);
  const [total, setTotal] = useState(initial.total);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const cursor = useRef(initial.nextCursor);
  const busy = useRef(false);

  const more = useCallback(() => {
    const after = cursor.current;
    if (!after || busy.current) {
      return;
    }
    busy.current = true;
    setLoading(true);
    void loadFleetPage(search, after).then((outcome) => {
      busy.current = false;
      setLoading(false);
      setFailed(!outcome.ok);
      if (outcome.ok) {
        cursor.current = outcome.data.nextCursor;
        setRows((loaded) => [...loaded, ...outcome.data.rows]);
        setTotal(outcome.data.total);
      }
    });
  }, [search]);

  return { rows, total, loading, failed, more };
}
