'use server';

import { revalidatePath } from 'next/cache';
import { callApi } from '../../../lib/api/client';
import { readSessionToken } from '../../../lib/session';
import { type AlarmActionKind, snoozeUntil } from './action-kinds';

export interface ActionState {
  /** Set after an attempt: ok, or the API's reason. */
  result?: { ok: true } | { ok: false; message: string };
}

/**
 * One lifecycle action on one alarm (bound to id and kind by the page), posted to the API as the
 * signed-in user. The API decides whether the role and the alarm's status allow it; its refusal
 * is shown as is. On success the page re-renders with the new status and history entry.
 */
export async function alarmAction(
  id: string,
  kind: AlarmActionKind,
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const token = await readSessionToken();
  if (!token) {
    return { result: { ok: false, message: 'not signed in' } };
  }
  const path = { params: { path: { id } } };
  const note = String(form.get('note') ?? '').trim();
  const noteBody = note ? { note } : {};
  const result = await callApi({ token }, (api) => {
    switch (kind) {
      case 'acknowledge':
        return api.POST('/api/alarms/{id}/acknowledge', { ...path, body: noteBody });
      case 'resolve':
        return api.POST('/api/alarms/{id}/resolve', { ...path, body: noteBody });
      case 'close':
        return api.POST('/api/alarms/{id}/close', { ...path, body: noteBody });
      case 'assign': {
        const userId = String(form.get('userId') ?? '');
        return api.POST('/api/alarms/{id}/assign', { ...path, body: { userId: userId || null } });
      }
      case 'comment':
        return api.POST('/api/alarms/{id}/comment', {
          ...path,
          body: { text: String(form.get('text') ?? '') },
        });
      case 'snooze':
        return api.POST('/api/alarms/{id}/snooze', {
          ...path,
          body: { until: snoozeUntil(form.get('hours'), Date.now()) },
        });
    }
  });
  if (!result.ok) {
    return { result: { ok: false, message: result.message } };
  }
  revalidatePath(`/alarms/${id}`);
  revalidatePath('/alarms');
  return { result: { ok: true } };
}
