/**
 * Password hashing behind an injectable port, so AuthService can be tested without paying for
 * scrypt and the algorithm lives in one place (@fleet/db, shared with the seed).
 */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, storedHash: string): Promise<boolean>;
}

export const PASSWORD_HASHER = Symbol('PASSWORD_HASHER');
