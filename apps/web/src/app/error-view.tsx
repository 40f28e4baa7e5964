'use client';

/**
 * Shared body of the route error boundaries. In production Next replaces a server error's
 * message with a generic one plus a digest (the key to the server log), so that is what we show.
 */
export function ErrorView({ what, error, retry }: { what: string; error: unknown; retry: () => void }) {
  const digest = error instanceof Error && 'digest' in error ? String(error.digest) : undefined;
  return (
    <main className="page">
      <div className="fleet-card" role="alert" data-testid="error-state">
        <h1 className="page-title">Could not load {what}</h1>
        <p className="page-subtitle">
          The server had a problem answering{digest ? ` (reference ${digest})` : ''}. This is usually
          temporary.
        </p>
        <button type="button" className="fleet-badge fleet-badge--info" onClick={() => retry()}>
          Try again
        </button>
      </div>
    </main>
  );
}
