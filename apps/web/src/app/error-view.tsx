'use client';

import { useI18n } from '../i18n/client';
import { interpolate } from '../i18n/dictionary';

/**
 * Shared body of the route error boundaries. In production Next replaces a server error's
 * message with a generic one plus a digest (the key to the server log), so that is what we show.
 * `what` is already in the reader's language (a dictionary `errorWhat`).
 */
export function ErrorView({ what, error, retry }: { what: string; error: unknown; retry: () => void }) {
  const { t } = useI18n();
  const digest = error instanceof Error && 'digest' in error ? String(error.digest) : undefined;
  return (
    <main className="page">
      <div className="fleet-card" role="alert" data-testid="error-state">
        <h1 className="page-title">{interpolate(t.common.couldNotLoad, { what })}</h1>
        <p className="page-subtitle">
          {interpolate(t.common.serverProblem, {
            reference: digest ? interpolate(t.common.reference, { digest }) : '',
          })}
        </p>
        <button type="button" className="fleet-button" onClick={() => retry()}>
          {t.common.retry}
        </button>
      </div>
    </main>
  );
}
