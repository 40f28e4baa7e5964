export { createPrismaClient, createPgPool, PrismaClient, type PgPool, type Prisma } from './client.js';
// --- ingest side: migrator, time-series writes ---
// --- api side: tenant-scoped reads, credentials ---
