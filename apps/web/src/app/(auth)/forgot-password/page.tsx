import type { Metadata } from 'next';
import Link from 'next/link';
import { getI18n } from '../../../i18n/server';
import styles from '../_lib/auth.module.css';
import { ForgotPasswordForm } from './forgot-password-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t.accounts.forgotPassword.pageTitle };
}

export default async function ForgotPasswordPage() {
  const { t } = await getI18n();
  const m = t.accounts.forgotPassword;
  return (
    <main className={styles.page}>
      <div className={styles.panel}>
        <h1 className={styles.title}>{m.title}</h1>
        <p className={styles.subtitle}>{m.subtitle}</p>
        <ForgotPasswordForm texts={t.accounts} />
        <p className={styles.links}>
          <Link href="/login">{t.accounts.common.backToSignIn}</Link>
        </p>
      </div>
    </main>
  );
}
