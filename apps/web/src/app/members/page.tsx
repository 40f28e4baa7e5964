import { Badge, Card } from '@fleet/ui';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getI18n } from '../../i18n/server';
import { callApi } from '../../lib/api/client';
import { formatUtcTime } from '../../lib/format/site-time';
import { getMe } from '../../lib/me';
import { redirectToLogin, requireSessionToken } from '../../lib/session';
import { mayReadMembers } from '../../shell/nav';
import { PendingInvitations } from './invitations';
import { inviteAction } from './invite-actions';
import { InviteForm } from './invite-form';
import styles from './members.module.css';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: `${t.members.title} · Fleet` };
}

/** The organisation's members (org admins only; others get the not-found page, as by URL). */
export default async function MembersPage() {
  const [{ t, locale }, me, token] = await Promise.all([getI18n(), getMe(), requireSessionToken()]);
  if (!me || !mayReadMembers(me.role)) {
    notFound();
  }
  const [result, invitations] = await Promise.all([
    callApi({ token }, (api) => api.GET('/api/members')),
    callApi({ token }, (api) => api.GET('/api/invitations')),
  ]);
  if (!result.ok) {
    if (result.status === 401) {
      redirectToLogin('expired');
    }
    throw new Error(`Could not load members: ${result.message}`);
  }
  return (
    <main className="page">
      <h1 className="page-title">{t.members.title}</h1>
      <p className="page-subtitle">{t.members.subtitle}</p>
      <Card>
        {result.data.length === 0 ? (
          <p className="state-message">{t.members.empty}</p>
        ) : (
          // A named, focusable region: where the table is wider than a phone, the keyboard can scroll it.
          <section
            className={styles.scroll}
            aria-label={t.members.title}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region needs a focus stop (WCAG 2.1.1)
            tabIndex={0}
          >
            <table className={styles.table} data-testid="members">
              <thead>
                <tr>
                  <th scope="col">{t.members.name}</th>
                  <th scope="col">{t.members.email}</th>
                  <th scope="col">{t.members.role}</th>
                  <th scope="col">{t.members.totp}</th>
                  <th scope="col">{t.members.since}</th>
                </tr>
              </thead>
              <tbody>
                {result.data.map((m) => (
                  <tr key={m.id}>
                    <td>{m.name}</td>
                    <td>{m.email}</td>
                    <td>
                      <Badge>{t.roles[m.role]}</Badge>
                    </td>
                    <td>{m.totpEnabled ? t.members.totpOn : t.members.totpOff}</td>
                    {/* A fleet-level page without one site: UTC, and it says so. */}
                    <td>{formatUtcTime(m.createdAt, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </Card>
      <section className={styles.section} aria-labelledby="invite-title">
        <Card>
          <h2 id="invite-title" className={styles.sectionTitle}>
            {t.accounts.invite.title}
          </h2>
          <p className="page-subtitle">{t.accounts.invite.intro}</p>
          <InviteForm action={inviteAction.bind(null, null)} withRole testId="invite" />
        </Card>
      </section>
      <section className={styles.section} aria-labelledby="pending-title">
        <Card>
          <h2 id="pending-title" className={styles.sectionTitle}>
            {t.accounts.invite.pendingTitle}
          </h2>
          <PendingInvitations
            result={invitations}
            names={new Map(result.data.map((m) => [m.id, m.name]))}
            t={t}
            locale={locale}
          />
        </Card>
      </section>
    </main>
  );
}
