'use client';

import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { useI18n } from '../../../i18n/client';
import { interpolate } from '../../../i18n/dictionary';
import { formatSiteTime } from '../../../lib/format/site-time';
import { createUnitFormatter } from '../../../lib/format/units';
import { nextCell } from './grid-keys';
import { HeatmapLegend } from './heatmap-legend';
import { type HeatCell, heatmapModel } from './heatmap-model';
import styles from './site.module.css';
import type { HeatmapMode, StringCells } from './site-types';

interface CellHeatmapProps {
  cells: StringCells;
  stringName: string;
  /** The site's IANA zone: the snapshot's time is shown on the site's clock. */
  timeZone: string;
}

/**
 * Module × cell heatmap of the newest snapshot (voltage, or temperature where the snapshot has
 * sensors). A real table with row and column headers; one cell is in the tab order and the arrow
 * keys move between cells (roving tabindex), so a keyboard user reads every cell's name.
 */
export function CellHeatmap({ cells, stringName, timeZone }: CellHeatmapProps) {
  const { t, locale } = useI18n();
  const h = t.site.heatmap;
  const [mode, setMode] = useState<HeatmapMode>('voltage');
  const [focus, setFocus] = useState({ row: 0, col: 0 });
  const table = useRef<HTMLTableElement>(null);
  const radioName = useId();
  const model = heatmapModel(cells, mode, t, createUnitFormatter(locale));
  const hasTemps = cells.cellTempsDc !== null && cells.temperature !== null;

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const rows = model?.rows.length ?? 0;
    const next = nextCell(event.key, focus, { rows, cols: model?.columns.length ?? 0 });
    if (!next || rows === 0) {
      return;
    }
    event.preventDefault();
    setFocus(next);
    table.current?.querySelector<HTMLElement>(`[data-pos="${next.row}:${next.col}"]`)?.focus();
  };

  return (
    <div className={styles.heatmap}>
      <fieldset className={styles.modeSwitch}>
        <legend>{h.mode}</legend>
        {(['voltage', 'temperature'] as const).map((m) => (
          <label key={m}>
            <input
              type="radio"
              name={radioName}
              value={m}
              checked={mode === m}
              disabled={m === 'temperature' && !hasTemps}
              onChange={() => setMode(m)}
              data-testid={`heatmap-mode-${m}`}
            />{' '}
            {h[m]}
          </label>
        ))}
        {hasTemps ? null : <span className={styles.muted}>{h.noTemperatures}</span>}
      </fieldset>
      {model ? (
        <>
          <div className={styles.heatmapScroll}>
            <table ref={table} className={styles.heatTable} onKeyDown={onKeyDown} data-testid="heatmap">
              <caption>
                {interpolate(h.caption, {
                  name: stringName,
                  mode: h[mode],
                  ts: formatSiteTime(cells.ts, timeZone, locale),
                })}
                <span className="visually-hidden"> {h.keyboardHint}</span>
              </caption>
              <thead>
                <tr>
                  <td />
                  {model.columns.map((c) => (
                    <th key={c} scope="col">
                      <span aria-hidden="true">{c.replace(/\D+/g, '')}</span>
                      <span className="visually-hidden">{c}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {model.rows.map((row, r) => (
                  <tr key={row.header}>
                    <th scope="row">{row.header}</th>
                    {row.cells.map((cell, c) => (
                      <HeatTd
                        key={cell.key}
                        cell={cell}
                        pos={`${r}:${c}`}
                        focusable={focus.row === r && focus.col === c}
                        onFocus={() => setFocus({ row: r, col: c })}
                      />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <HeatmapLegend model={model} cells={cells} />
        </>
      ) : (
        <p className="state-message">{h.noTemperatures}</p>
      )}
    </div>
  );
}

function HeatTd(props: { cell: HeatCell; pos: string; focusable: boolean; onFocus: () => void }) {
  const { cell, pos, focusable, onFocus } = props;
  const marker = cell.outlier === 'low' ? '▼' : cell.outlier === 'high' ? '▲' : null;
  return (
    <td
      className={cell.outlier ? `${styles.heatCell} ${styles.outlier}` : styles.heatCell}
      style={{ background: cell.background, color: cell.color }}
      tabIndex={focusable ? 0 : -1}
      onFocus={onFocus}
      aria-label={cell.label}
      title={cell.label}
      data-pos={pos}
      data-outlier={cell.outlier ? 'true' : undefined}
      data-testid="heat-cell"
    >
      {marker ? <span aria-hidden="true">{marker}</span> : null}
      {cell.text}
    </td>
  );
}
