'use client';

import { ErrorView } from '../error-view';

export default function SitesError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorView what="sites" error={error} retry={retry} />;
}
