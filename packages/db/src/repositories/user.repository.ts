import type { PrismaClient } from '../client.js';
import type { Role } from '../generated/prisma/enums.js';

export type UserRole = Role;

/** The languages a person can choose (app_user.locale, CHECK in 20270122000000_user_locale). */
export const USER_LOCALES = ['en', 'de'] as const;
export type UserLocale = (typeof USER_LOCALES)[number];
export const DEFAULT_USER_LOCALE: UserLocale = 'en';

export function isUserLocale(value: unknown): value is UserLocale {
  return typeof value === 'string' && (USER_LOCALES as readonly string[]).includes(value);
}

/** A stored value as a locale (the CHECK constraint allows nothing else; English otherwise). */
export function toUserLocale(value: string | null | undefined): UserLocale {
  return isUserLocale(value) ? value : DEFAULT_USER_LOCALE;
}

/** What a signed-in user may see about themselves. */
export interface UserProfile {
  id: string;
  tenantId: string;
  email: string;
  name: string;
  role: UserRole;
  /** The language the person reads mails and the web in. */
  locale: UserLocale;
}

/** A profile plus the stored password hash; only the login path ever reads this. */
export interface UserCredentials extends UserProfile {
  passwordHash: string;
}

export const profileSelect = {
  id: true,
  tenantId: true,
  email: true,
  name: true,
  role: true,
  locale: true,
} as const;

/** A selected row as a profile (the locale narrowed to the languages there are). */
export function toUserProfile<T extends { locale: string }>(
  row: T,
): Omit<T, 'locale'> & { locale: UserLocale } {
  return { ...row, locale: toUserLocale(row.locale) };
}

export class UserRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * The one lookup that is not tenant-scoped: at login the tenant is not known yet, and an
   * email is unique across tenants. An exact match wins; otherwise the address is compared
   * case-insensitively, because people type it in whatever case they like.
   */
  async findCredentialsByEmail(email: string): Promise<UserCredentials | null> {
    const select = { ...profileSelect, passwordHash: true } as const;
    const row =
      (await this.prisma.user.findUnique({ where: { email }, select })) ??
      (await this.prisma.user.findFirst({
        where: { email: { equals: email, mode: 'insensitive' } },
        select,
      }));
    return row ? toUserProfile(row) : null;
  }

  async findProfile(tenantId: string, userId: string): Promise<UserProfile | null> {
    const row = await this.prisma.user.findFirst({ where: { id: userId, tenantId }, select: profileSelect });
    return row ? toUserProfile(row) : null;
  }

  /** Sets the person's language; the new profile, or null when the user no longer exists. */
  async setLocale(tenantId: string, userId: string, locale: UserLocale): Promise<UserProfile | null> {
    const { count } = await this.prisma.user.updateMany({
      where: { id: userId, tenantId },
      data: { locale },
    });
    return count === 1 ? this.findProfile(tenantId, userId) : null;
  }

  /**
   * The languages of people by id (mail senders on the system connection: the notification
   * worker, the weekly report); an unknown id is missing from the map.
   */
  async locales(userIds: readonly string[]): Promise<Map<string, UserLocale>> {
    if (userIds.length === 0) {
      return new Map();
    }
    const rows = await this.prisma.user.findMany({
      where: { id: { in: [...userIds] } },
      select: { id: true, locale: true },
    });
    return new Map(rows.map((r) => [r.id, toUserLocale(r.locale)]));
  }
}
