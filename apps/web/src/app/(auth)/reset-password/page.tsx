import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '../_lib/auth.module.css';
import { FormAlert } from '../_lib/form-alert';
import { resetPasswordMessages as m } from './messages';
import { ResetPasswordForm } from './reset-password-form';

// The token is in the URL: keep it out of Referer headers to anything the page links to.
export const metadata: Metadata = { title: m.pageTitle, referrer: 'no-referrer' };

interface ResetPasswordPageProps {
  searchParams: Promise<{ token?: string }>;
}

export default async function ResetPasswordPage({ searchParams }: ResetPasswordPageProps) {
  const { token } = await searchParams;
  return (
    <main className={styles.page}>
      <div className={styles.panel}>
        <h1 className={styles.title}>{m.title}</h1>
        <p className={styles.subtitle}>{m.subtitle}</p>
        {token ? (
          <ResetPasswordForm token={token} />
        ) : (
          <>
            <FormAlert id="reset-password-error" message={m.missingToken} />
            <p className={styles.links}>
              <Link href="/forgot-password">{m.newLink}</Link>
            </p>
          </>
        )}
      </div>
    </main>
  );
}
