'use client';

import { useActionState } from 'react';
import { useI18n } from '../../i18n/client';
import { interpolate } from '../../i18n/dictionary';
import type { InviteState } from './invite-state';

/** Withdraws one pending invitation; a refusal is announced next to the button. */
export function WithdrawButton({
  action,
  email,
}: {
  action: (previous: InviteState) => Promise<InviteState>;
  email: string;
}) {
  const { t } = useI18n();
  const m = t.accounts.invite;
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction}>
      <button
        type="submit"
        className="fleet-button"
        disabled={pending}
        aria-label={interpolate(m.withdrawLabel, { email })}
      >
        {m.withdraw}
      </button>
      <span role="status" className="action-outcome">
        {state.error ?? ''}
      </span>
    </form>
  );
}
