export { createPrismaClient, createPgPool, PrismaClient, type PgPool, type Prisma } from './client.js';
// --- ingest side: migrator, time-series writes ---
// --- api side: tenant-scoped reads, credentials ---
export { type BmsStringDetail, BmsStringRepository } from './repositories/bms-string.repository.js';
export {
  type GatewaySummary,
  type MbmsGroupSummary,
  type SiteDetail,
  SiteRepository,
  type SiteSummary,
  type StringModuleType,
  type StringSummary,
} from './repositories/site.repository.js';
export { type LatestPackSample, TelemetryReadRepository } from './repositories/telemetry-read.repository.js';
export {
  type UserCredentials,
  type UserProfile,
  UserRepository,
  type UserRole,
} from './repositories/user.repository.js';
