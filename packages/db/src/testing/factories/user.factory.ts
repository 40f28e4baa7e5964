import { hashPassword } from '../../auth/password.js';
import type { PrismaClient } from '../../client.js';
import type { Prisma, User } from '../../generated/prisma/client.js';
import { createTenant } from './tenant.factory.js';
import { uniqueSuffix } from './unique.js';

export type UserOverrides = Partial<Prisma.UserUncheckedCreateInput> & {
  /** Plain password to hash; ignored when passwordHash is given. */
  password?: string;
};

/** Create data with the password hashed (scrypt, as the api verifies it). */
export async function userData(
  overrides: UserOverrides & { tenantId: string },
): Promise<Prisma.UserUncheckedCreateInput> {
  const n = uniqueSuffix();
  const { password = `password-${n}`, ...fields } = overrides;
  return {
    email: `user-${n}@fleet.test`,
    name: `User ${n}`,
    role: 'installer',
    passwordHash: fields.passwordHash ?? (await hashPassword(password)),
    ...fields,
  };
}

/** A user (in a new tenant unless tenantId is given), returned with its plain password. */
export async function createUser(
  db: PrismaClient,
  overrides: UserOverrides = {},
): Promise<User & { password: string }> {
  const password = overrides.password ?? `password-${uniqueSuffix()}`;
  const tenantId = overrides.tenantId ?? (await createTenant(db)).id;
  const user = await db.user.create({ data: await userData({ ...overrides, tenantId, password }) });
  return { ...user, password };
}
