import type { Metadata } from 'next';
import styles from '../_lib/auth.module.css';
import { FormAlert } from '../_lib/form-alert';
import { AcceptInviteForm } from './accept-invite-form';
import { acceptInviteMessages as m } from './messages';

// The token is in the URL: keep it out of Referer headers to anything the page links to.
export const metadata: Metadata = { title: m.pageTitle, referrer: 'no-referrer' };

interface AcceptInvitePageProps {
  searchParams: Promise<{ token?: string }>;
}

export default async function AcceptInvitePage({ searchParams }: AcceptInvitePageProps) {
  const { token } = await searchParams;
  return (
    <main className={styles.page}>
      <div className={styles.panel}>
        <h1 className={styles.title}>{m.title}</h1>
        <p className={styles.subtitle}>{m.subtitle}</p>
        {token ? (
          <AcceptInviteForm token={token} />
        ) : (
          <FormAlert id="accept-invite-error" message={m.missingToken} />
        )}
      </div>
    </main>
  );
}
