import { z } from 'zod';

/**
 * Who a `fleet_access` notification concerns. A support grant names its grantee organisation
 * (`{"kind":"grant","siteId":…,"granteeTenantId":…}`), a member change its user; anything else
 * (an unknown kind, a payload that does not parse, a reconnect that may have missed some) is
 * `everyone`: re-resolving too many streams costs a query each, missing one would leak.
 */
export type AccessChange =
  | { who: 'organisation'; orgId: string }
  | { who: 'user'; userId: string }
  | { who: 'everyone' };

const payloadSchema = z.looseObject({
  granteeTenantId: z.string().optional(),
  userId: z.string().optional(),
});

export function parseAccessChange(payload: string | undefined): AccessChange {
  let json: unknown;
  try {
    json = JSON.parse(payload ?? '');
  } catch {
    return { who: 'everyone' };
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) {
    return { who: 'everyone' };
  }
  if (parsed.data.granteeTenantId) {
    return { who: 'organisation', orgId: parsed.data.granteeTenantId };
  }
  if (parsed.data.userId) {
    return { who: 'user', userId: parsed.data.userId };
  }
  return { who: 'everyone' };
}

/** Whether a stream held by this caller must look at its access again. */
export function changeConcerns(change: AccessChange, caller: { userId: string; orgId: string }): boolean {
  switch (change.who) {
    case 'organisation':
      return change.orgId === caller.orgId;
    case 'user':
      return change.userId === caller.userId;
    case 'everyone':
      return true;
  }
}
