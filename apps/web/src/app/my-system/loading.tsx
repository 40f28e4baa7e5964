import { getI18n } from '../../i18n/server';
import { LoadingView } from '../loading-view';

export default async function Loading() {
  const { t } = await getI18n();
  return <LoadingView title={t.owner.title} text={t.owner.loading} testId="my-system-loading" />;
}
