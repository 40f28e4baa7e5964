'use client';

import { type ReactNode, useActionState } from 'react';
import { useI18n } from '../../../i18n/client';
import { interpolate } from '../../../i18n/dictionary';
import type { ActionState } from './actions';

interface ActionFormProps {
  action: (previous: ActionState, form: FormData) => Promise<ActionState>;
  submitLabel: string;
  testId: string;
  tone?: 'primary' | 'danger' | 'plain';
  children?: ReactNode;
  className?: string;
}

/** One action as a form: fields (children), a submit button, and the outcome announced politely. */
export function ActionForm({
  action,
  submitLabel,
  testId,
  tone = 'plain',
  children,
  className,
}: ActionFormProps) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, {});
  const toneClass = tone === 'plain' ? '' : ` fleet-button--${tone}`;
  return (
    <form action={formAction} className={className} data-testid={`${testId}-form`}>
      {children}
      <button type="submit" className={`fleet-button${toneClass}`} disabled={pending} data-testid={testId}>
        {submitLabel}
      </button>
      <span role="status" className="action-outcome" data-testid={`${testId}-outcome`}>
        {state.result
          ? state.result.ok
            ? t.alarm.done
            : interpolate(t.alarm.failed, { message: state.result.message })
          : null}
      </span>
    </form>
  );
}
