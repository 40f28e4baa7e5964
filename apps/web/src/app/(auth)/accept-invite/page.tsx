import type { Metadata } from 'next';
import { getI18n } from '../../../i18n/server';
import styles from '../_lib/auth.module.css';
import { FormAlert } from '../_lib/form-alert';
import { AcceptInviteForm } from './accept-invite-form';

// The token is in the URL: keep it out of Referer headers to anything the page links to.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t.accounts.acceptInvite.pageTitle, referrer: 'no-referrer' };
}

interface AcceptInvitePageProps {
  searchParams: Promise<{ token?: string }>;
}

export default async function AcceptInvitePage({ searchParams }: AcceptInvitePageProps) {
  const [{ token }, { t }] = await Promise.all([searchParams, getI18n()]);
  const m = t.accounts.acceptInvite;
  return (
    <main className={styles.page}>
      <div className={styles.panel}>
        <h1 className={styles.title}>{m.title}</h1>
        <p className={styles.subtitle}>{m.subtitle}</p>
        {token ? (
          <AcceptInviteForm token={token} texts={t.accounts} />
        ) : (
          <FormAlert id="accept-invite-error" message={m.missingToken} />
        )}
      </div>
    </main>
  );
}
