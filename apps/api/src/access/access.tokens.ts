/** pg pool of the request path: every connection in the request's scope, under row-level security. */
export const SCOPED_PG_POOL = Symbol('SCOPED_PG_POOL');
/** Prisma over SCOPED_PG_POOL. */
export const SCOPED_PRISMA = Symbol('SCOPED_PRISMA');
