// Factories and test-database helpers, for tests and the seed only (STYLE.md §18).

export { type DemoFleet, demoFleetSchema, loadDemoFleet } from '../seed/demo-fleet.js';
export { type SeedReport, seedDemo } from '../seed/seed-demo.js';
export { type BmsStringOverrides, bmsStringData, createBmsString } from './factories/bms-string.factory.js';
export { createGateway, type GatewayOverrides, gatewayData } from './factories/gateway.factory.js';
export { createMbmsGroup, type MbmsGroupOverrides, mbmsGroupData } from './factories/mbms-group.factory.js';
export { createSite, type SiteOverrides, siteData } from './factories/site.factory.js';
export { packSampleData, telemetryEnvelopeData } from './factories/telemetry.factory.js';
export { createTenant, type TenantOverrides, tenantData } from './factories/tenant.factory.js';
export { stableUuid, uniqueSuffix } from './factories/unique.js';
export { createUser, type UserOverrides, userData } from './factories/user.factory.js';
export {
  createMigratedTemplate,
  createTestDatabase,
  databaseUrl,
  dropDatabase,
  dropStaleTestDatabases,
  type TestDatabase,
} from './test-database.js';
export {
  probeTestDatabaseTargets,
  productionTestTargets,
  TEST_TARGETS_ENV,
  type TestDatabaseTarget,
  testDatabaseTargets,
} from './test-database-target.js';
