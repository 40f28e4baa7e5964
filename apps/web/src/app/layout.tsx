import '@fleet/ui/styles.css';
import './globals.css';
import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { readSessionToken } from '../lib/session';
import { logout } from './login/actions';

export const metadata: Metadata = {
  title: 'Fleet',
  description: 'Live view of Pylontech SC1000 high-voltage battery strings',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const signedIn = (await readSessionToken()) !== undefined;
  return (
    <html lang="en">
      <body>
        <header className="app-header">
          <Link href="/sites" className="app-brand">
            Fleet
          </Link>
          {signedIn ? (
            <nav className="app-nav">
              <Link href="/sites">Sites</Link>
              <form action={logout}>
                <button type="submit" className="app-link-button">
                  Sign out
                </button>
              </form>
            </nav>
          ) : null}
        </header>
        {children}
      </body>
    </html>
  );
}
