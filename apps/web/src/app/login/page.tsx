import type { Metadata } from 'next';
import styles from './login.module.css';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Sign in · Fleet' };

interface LoginPageProps {
  searchParams: Promise<{ next?: string; reason?: string }>;
}

export default async function LoginPage({ searchParams }: LoginPageProps) {
  const { next, reason } = await searchParams;
  const notice = reason === 'expired' ? 'Your session has expired. Please sign in again.' : undefined;
  return (
    <main className={styles.page}>
      <div className={styles.panel}>
        <h1 className={styles.title}>Fleet monitoring</h1>
        <p className={styles.subtitle}>Sign in to see your sites and battery strings.</p>
        <LoginForm next={next} notice={notice} />
      </div>
    </main>
  );
}
