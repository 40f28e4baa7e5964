/** Injection tokens of the database clients, built once at the composition root. */
export const PRISMA = Symbol('PRISMA');
export const PG_POOL = Symbol('PG_POOL');
