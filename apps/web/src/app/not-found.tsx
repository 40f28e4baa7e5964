import type { Metadata } from 'next';
import Link from 'next/link';
import { getI18n } from '../i18n/server';
import { getMe } from '../lib/me';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t.states.notFound.pageTitle };
}

/**
 * Any address no route answers, and every `notFound()` without a nearer not-found page (e.g.
 * /members for someone who may not read it). In the app's frame, in the reader's language, with
 * one way on: the caller's start page (an owner's own system, the fleet view, or the sign-in).
 */
export default async function NotFound() {
  const [{ t }, me] = await Promise.all([getI18n(), getMe()]);
  const m = t.states.notFound;
  const start = !me
    ? { href: '/login', label: m.toSignIn }
    : me.role === 'owner'
      ? { href: '/my-system', label: m.toMySystem }
      : { href: '/fleet', label: m.toFleet };
  return (
    <main className="page">
      <div className="fleet-card" data-testid="not-found">
        <h1 className="page-title">{m.title}</h1>
        <p className="page-subtitle">{m.text}</p>
        <Link href={start.href} data-testid="not-found-start">
          {start.label}
        </Link>
      </div>
    </main>
  );
}
