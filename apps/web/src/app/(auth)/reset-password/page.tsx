import type { Metadata } from 'next';
import Link from 'next/link';
import { getI18n } from '../../../i18n/server';
import styles from '../_lib/auth.module.css';
import { FormAlert } from '../_lib/form-alert';
import { ResetPasswordForm } from './reset-password-form';

// The token is in the URL: keep it out of Referer headers to anything the page links to.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t.accounts.resetPassword.pageTitle, referrer: 'no-referrer' };
}

interface ResetPasswordPageProps {
  searchParams: Promise<{ token?: string }>;
}

export default async function ResetPasswordPage({ searchParams }: ResetPasswordPageProps) {
  const [{ token }, { t }] = await Promise.all([searchParams, getI18n()]);
  const m = t.accounts.resetPassword;
  return (
    <main className={styles.page}>
      <div className={styles.panel}>
        <h1 className={styles.title}>{m.title}</h1>
        <p className={styles.subtitle}>{m.subtitle}</p>
        {token ? (
          <ResetPasswordForm token={token} texts={t.accounts} />
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
