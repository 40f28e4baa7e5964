import type { Metadata } from 'next';
import styles from '../(auth)/_lib/auth.module.css';
import { LoginForm } from './login-form';
import { loginMessages as m } from './messages';

export const metadata: Metadata = { title: 'Sign in · Fleet' };

interface LoginPageProps {
  searchParams: Promise<{ next?: string; reason?: string }>;
}

const notices: Record<string, string> = {
  expired: m.sessionExpired,
  'password-reset': m.passwordReset,
};

export default async function LoginPage({ searchParams }: LoginPageProps) {
  const { next, reason } = await searchParams;
  return (
    <main className={styles.page}>
      <div className={styles.panel}>
        <h1 className={styles.title}>{m.title}</h1>
        <p className={styles.subtitle}>{m.subtitle}</p>
        <LoginForm next={next} notice={reason ? notices[reason] : undefined} />
      </div>
    </main>
  );
}
