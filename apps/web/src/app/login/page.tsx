import type { Metadata } from 'next';
import { getI18n } from '../../i18n/server';
import styles from '../(auth)/_lib/auth.module.css';
import { LoginForm } from './login-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t.accounts.login.pageTitle };
}

interface LoginPageProps {
  searchParams: Promise<{ next?: string; reason?: string }>;
}

export default async function LoginPage({ searchParams }: LoginPageProps) {
  const [{ next, reason }, { t }] = await Promise.all([searchParams, getI18n()]);
  const m = t.accounts.login;
  const notices: Record<string, string> = { expired: m.sessionExpired, 'password-reset': m.passwordReset };
  return (
    <main className={styles.page}>
      <div className={styles.panel}>
        <h1 className={styles.title}>{m.title}</h1>
        <p className={styles.subtitle}>{m.subtitle}</p>
        <LoginForm next={next} notice={reason ? notices[reason] : undefined} texts={t.accounts} />
      </div>
    </main>
  );
}
