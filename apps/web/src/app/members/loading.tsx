import { getI18n } from '../../i18n/server';
import { LoadingView } from '../loading-view';

export default async function Loading() {
  return <LoadingView text={(await getI18n()).t.members.loading} />;
}
