import { getI18n } from '../../i18n/server';
import { LoadingView } from '../loading-view';

export default async function Loading() {
  const { t } = await getI18n();
  return <LoadingView text={t.fleet.loading} />;
}
