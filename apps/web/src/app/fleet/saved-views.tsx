'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { useI18n } from '../../i18n/client';
import { interpolate } from '../../i18n/dictionary';
import { deleteView, saveView, type ViewFormState } from './actions';
import styles from './fleet.module.css';
import type { SavedView } from './fleet-types';

interface SavedViewsProps {
  views: SavedView[];
  /** The current view's canonical query string, saved under the typed name. */
  search: string;
}

/** The member's saved views: apply (a link to the view's URL), delete, and save the current one. */
export function SavedViews({ views, search }: SavedViewsProps) {
  const { t } = useI18n();
  const f = t.fleet;
  const [saved, save, saving] = useActionState<ViewFormState, FormData>(saveView, {});
  const [deleted, remove] = useActionState<ViewFormState, FormData>(deleteView, {});
  const message =
    saved.outcome === 'failed'
      ? interpolate(f.viewFailed, { message: saved.message ?? '' })
      : saved.outcome === 'saved'
        ? interpolate(f.viewSaved, { name: saved.name ?? '' })
        : deleted.outcome === 'deleted'
          ? f.viewDeleted
          : '';
  return (
    <section className={styles.views} aria-labelledby="saved-views-title" data-testid="saved-views">
      <h2 id="saved-views-title" className={styles.subheading}>
        {f.savedViews}
      </h2>
      {views.length === 0 ? (
        <p className={styles.muted}>{f.savedViewsEmpty}</p>
      ) : (
        <ul className={styles.viewList}>
          {views.map((view) => (
            <li key={view.id} data-testid="saved-view">
              <Link
                href={view.query ? `/fleet?${view.query}` : '/fleet'}
                aria-label={interpolate(f.applyView, { name: view.name })}
                aria-current={view.query === search ? 'true' : undefined}
              >
                {view.name}
              </Link>
              <form action={remove}>
                <input type="hidden" name="id" value={view.id} />
                <button
                  type="submit"
                  className={styles.iconButton}
                  aria-label={interpolate(f.deleteView, { name: view.name })}
                >
                  ×
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form action={save} className={styles.saveForm}>
        <input type="hidden" name="query" value={search} />
        <label>
          <span>{f.viewName}</span>
          <input
            name="name"
            required
            maxLength={80}
            defaultValue={saved.outcome === 'failed' ? saved.name : ''}
          />
        </label>
        <button
          type="submit"
          className="fleet-button"
          disabled={saving}
          aria-busy={saving}
          data-testid="save-view"
        >
          {saving ? f.saving : f.saveView}
        </button>
      </form>
      <p role="status" className={styles.viewMessage} data-testid="saved-view-message">
        {message}
      </p>
    </section>
  );
}
