'use client';

import { ErrorView } from '../../error-view';

export default function StringError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorView what="this string" error={error} retry={retry} />;
}
