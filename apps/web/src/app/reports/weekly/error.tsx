'use client';

import { useI18n } from '../../../i18n/client';
import { ErrorView } from '../../error-view';

export default function WeeklyReportError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorView what={useI18n().t.reports.weekly.errorWhat} error={error} retry={retry} />;
}
