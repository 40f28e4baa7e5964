import { getI18n } from '../../../../i18n/server';
import { LoadingView } from '../../../loading-view';

// Its own state: the site view's boundary above would say "Loading site…" for this form.
export default async function Loading() {
  return <LoadingView text={(await getI18n()).t.claim.loading} />;
}
