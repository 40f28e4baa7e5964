import { type Dictionary, interpolate } from '../../i18n/dictionary';
import type { Locale } from '../../i18n/locale';
import type { ApiResult } from '../../lib/api/client';
import type { components } from '../../lib/api/schema.gen';
import { formatUtcTime } from '../../lib/format/site-time';
import { withdrawAction } from './invite-actions';
import styles from './members.module.css';
import { WithdrawButton } from './withdraw-button';

type Invitation = components['schemas']['Invitation'];

/** The organisation's pending invitations, each with "Withdraw". */
export function PendingInvitations({
  result,
  names,
  t,
  locale,
}: {
  result: ApiResult<Invitation[]>;
  /** Member names by id, for "invited by" (a removed member shows as its id). */
  names: ReadonlyMap<string, string>;
  t: Dictionary;
  locale: Locale;
}) {
  const m = t.accounts.invite;
  if (!result.ok) {
    return <p className="state-message">{interpolate(m.failed, { message: result.message })}</p>;
  }
  if (result.data.length === 0) {
    return (
      <p className="state-message" data-testid="invitations-empty">
        {m.pendingEmpty}
      </p>
    );
  }
  return (
    <section
      className={styles.scroll}
      aria-label={m.pendingTitle}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region needs a focus stop (WCAG 2.1.1)
      tabIndex={0}
    >
      <table className={styles.table} data-testid="invitations">
        <thead>
          <tr>
            <th scope="col">{m.email}</th>
            <th scope="col">{m.role}</th>
            <th scope="col">{m.invitedBy}</th>
            <th scope="col">{m.expires}</th>
            <th scope="col">
              <span className="visually-hidden">{m.withdraw}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {result.data.map((i) => (
            <tr key={i.id} data-testid="invitation">
              <td>{i.email}</td>
              <td>{t.roles[i.role]}</td>
              <td>{names.get(i.invitedBy) ?? i.invitedBy}</td>
              <td>{formatUtcTime(i.expiresAt, locale)}</td>
              <td>
                <WithdrawButton action={withdrawAction.bind(null, i.id)} email={i.email} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
