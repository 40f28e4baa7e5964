import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createUser, uniqueSuffix } from '@fleet/db/testing';
import { ORG_ADMINS, READERS, SITE_MANAGERS } from '../../../src/access/roles.js';
import type { AccessWorld } from '../access-world.js';
import type { Caller, OpSpec } from './op-spec.js';

// Accounts (issue 8): members, invitations, password reset, TOTP, API keys. Tokens the public
// routes consume are planted in the database (only their SHA-256 is stored); each call gets its
// own, in tenant B for the foreign caller, so no answer carries tenant A's ids to it.

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const tenantOf = (w: AccessWorld, as: Caller) => (as === 'foreign' ? w.b.tenantId : w.a.tenantId);

/** A throwaway member of tenant A (PATCH / DELETE targets; never one of the walk's own callers). */
async function newMember(w: AccessWorld): Promise<string> {
  return (await createUser(w.prisma, { tenantId: w.a.tenantId, role: 'technician' })).id;
}

async function plantInvitation(
  w: AccessWorld,
  tenantId: string,
  token: string = randomUUID(),
): Promise<string> {
  const row = await w.prisma.invitation.create({
    data: {
      tenantId,
      email: `invitee-${uniqueSuffix()}@fleet.test`,
      role: 'owner',
      siteIds: [],
      tokenHash: sha256(token),
      invitedBy: w.users.installer.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  return row.id;
}

export const ops: OpSpec[] = [
  {
    op: 'POST /api/auth/login/totp',
    allowed: 'public',
    foreign: 'own-data',
    // Public, so the walk only shows it is reachable without a token: a forged challenge is
    // refused (401). The real two-step login is in test/accounts/totp.medium.spec.ts.
    okStatus: 401,
    request: () => ({ path: '/auth/login/totp', body: { challenge: 'forged', code: '123456' } }),
  },
  {
    op: 'POST /api/auth/password-reset',
    allowed: 'public',
    foreign: 'own-data',
    okStatus: 202,
    request: (w, as) => ({ path: '/auth/password-reset', body: { email: w.users[as].email } }),
  },
  {
    op: 'POST /api/auth/password-reset/confirm',
    allowed: 'public',
    foreign: 'own-data',
    okStatus: 204,
    request: async (w, as) => {
      const user = await createUser(w.prisma, { tenantId: tenantOf(w, as) });
      const token = randomBytes(32).toString('base64url');
      await w.prisma.passwordReset.create({
        data: { userId: user.id, tokenHash: sha256(token), expiresAt: new Date(Date.now() + 3_600_000) },
      });
      return { path: '/auth/password-reset/confirm', body: { token, password: 'a new password 1' } };
    },
  },
  {
    op: 'POST /api/invitations/accept',
    allowed: 'public',
    foreign: 'own-data',
    okStatus: 200,
    request: async (w, as) => {
      const token = randomBytes(32).toString('base64url');
      await plantInvitation(w, tenantOf(w, as), token);
      return {
        path: '/invitations/accept',
        body: { token, name: 'Walk Owner', password: 'owner password 1' },
      };
    },
  },
  {
    op: 'POST /api/invitations',
    allowed: SITE_MANAGERS,
    foreign: 'not-found',
    okStatus: 201,
    request: (w) => ({
      path: '/invitations',
      body: { email: `owner-${uniqueSuffix()}@fleet.test`, role: 'owner', siteIds: [w.a.siteId] },
    }),
  },
  {
    op: 'GET /api/invitations',
    allowed: SITE_MANAGERS,
    foreign: 'own-data',
    request: () => ({ path: '/invitations' }),
  },
  {
    op: 'DELETE /api/invitations/{id}',
    allowed: SITE_MANAGERS,
    foreign: 'not-found',
    okStatus: 204,
    request: async (w) => ({ path: `/invitations/${await plantInvitation(w, w.a.tenantId)}` }),
  },
  { op: 'GET /api/members', allowed: ORG_ADMINS, foreign: 'own-data', request: () => ({ path: '/members' }) },
  {
    op: 'PATCH /api/members/{id}',
    allowed: ORG_ADMINS,
    foreign: 'not-found',
    okStatus: 200,
    request: async (w) => ({ path: `/members/${await newMember(w)}`, body: { role: 'installer' } }),
  },
  {
    op: 'DELETE /api/members/{id}',
    allowed: ORG_ADMINS,
    foreign: 'not-found',
    okStatus: 204,
    request: async (w) => ({ path: `/members/${await newMember(w)}` }),
  },
  {
    op: 'POST /api/me/totp/setup',
    allowed: READERS,
    foreign: 'own-data',
    okStatus: 200,
    request: () => ({ path: '/me/totp/setup' }),
  },
  {
    // A malformed code is a 400 whatever the caller's TOTP state: past the guard, short of a change.
    op: 'POST /api/me/totp/enable',
    allowed: READERS,
    foreign: 'own-data',
    okStatus: 400,
    request: () => ({ path: '/me/totp/enable', body: { code: 'abc' } }),
  },
  {
    // The walk's callers never enable TOTP, so disabling is a conflict (409) for every allowed one.
    op: 'DELETE /api/me/totp',
    allowed: READERS,
    foreign: 'own-data',
    okStatus: 409,
    request: () => ({ path: '/me/totp', body: { code: '123456' } }),
  },
  {
    op: 'POST /api/api-keys',
    allowed: ORG_ADMINS,
    foreign: 'own-data',
    okStatus: 201,
    request: () => ({ path: '/api-keys', body: { name: 'walk integration', scopes: ['read'] } }),
  },
  {
    op: 'GET /api/api-keys',
    allowed: ORG_ADMINS,
    foreign: 'own-data',
    request: () => ({ path: '/api-keys' }),
  },
  {
    op: 'DELETE /api/api-keys/{id}',
    allowed: ORG_ADMINS,
    foreign: 'not-found',
    okStatus: 204,
    request: async (w) => {
      const key = await w.prisma.apiKey.create({
        data: {
          tenantId: w.a.tenantId,
          name: 'walk key',
          scopes: ['read'],
          secretHash: sha256(randomUUID()),
          createdBy: w.users.org_admin.id,
        },
      });
      return { path: `/api-keys/${key.id}` };
    },
  },
];
