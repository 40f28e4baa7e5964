import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '../_lib/auth.module.css';
import { ForgotPasswordForm } from './forgot-password-form';
import { forgotPasswordMessages as m } from './messages';

export const metadata: Metadata = { title: m.pageTitle };

export default function ForgotPasswordPage() {
  return (
    <main className={styles.page}>
      <div className={styles.panel}>
        <h1 className={styles.title}>{m.title}</h1>
        <p className={styles.subtitle}>{m.subtitle}</p>
        <ForgotPasswordForm />
        <p className={styles.links}>
          <Link href="/login">{m.backToSignIn}</Link>
        </p>
      </div>
    </main>
  );
}
