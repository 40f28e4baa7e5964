// biome-ignore-all assist/source/organizeImports: one export section per owning engineer, kept in place
export {
  createPgPool,
  createPrismaClient,
  createPrismaClientOnPool,
  type PgPool,
  type Prisma,
  PrismaClient,
} from './client.js';
// --- ingest side: migrator, time-series writes ---
export {
  type MigrateOptions,
  type MigrateResult,
  type MigrationReporter,
  migrateDatabase,
} from './migrate/migrate-database.js';
export { MigrationError, type MigrationErrorCode } from './migrate/migration.error.js';
export { defaultMigrationsDir } from './migrate/migrations-dir.js';
export { consoleReporter } from './migrate/console-reporter.js';
export {
  type CellSnapshotRow,
  CellSnapshotRepository,
  insertCellSnapshots,
  type StoredCellSnapshot,
} from './repositories/cell-snapshot.repository.js';
export { CellLatestRepository } from './repositories/cell-latest.repository.js';
export {
  type SiteEnergyDay,
  type SiteEnergyHour,
  SiteEnergyRepository,
} from './repositories/site-energy.repository.js';
export {
  type PackSampleBucket,
  PackSampleRepository,
  type PackSampleRow,
  type StoreBatchesResult,
  type StoreBatchInput,
  type StoreBatchResult,
  type StorePath,
} from './repositories/pack-sample.repository.js';
export {
  type QuarantineCode,
  type QuarantineEntry,
  QuarantineRepository,
  type StoredQuarantineEntry,
} from './repositories/quarantine.repository.js';
export {
  type ResolveStringsResult,
  type StringKey,
  StringRegistryRepository,
  stringKey,
} from './repositories/string-registry.repository.js';
export { TimePartitionRepository } from './repositories/time-partition.repository.js';
export { hashPassword, verifyPassword } from './auth/password.js';
// --- api side: tenant-scoped reads, credentials ---
export { type BmsStringDetail, BmsStringRepository } from './repositories/bms-string.repository.js';
export {
  type GatewaySummary,
  type MbmsGroupSummary,
  type SiteDetail,
  type SiteListPage,
  SiteRepository,
  type SiteSummary,
  type StringModuleType,
  type StringSummary,
} from './repositories/site.repository.js';
export { type LatestPackSample, TelemetryReadRepository } from './repositories/telemetry-read.repository.js';
export {
  DEFAULT_USER_LOCALE,
  isUserLocale,
  toUserLocale,
  type UserCredentials,
  type UserLocale,
  type UserProfile,
  USER_LOCALES,
  UserRepository,
  type UserRole,
} from './repositories/user.repository.js';
// --- rollups and retention (issue 6) ---
export {
  dirtyHours,
  markRollupDirty,
  ROLLUP_MAX_GAP_S,
  type RollupDirtyRow,
} from './repositories/rollup-dirty.js';
export {
  RollupRepository,
  type RollupRunOptions,
  type RollupRunResult,
} from './repositories/rollup.repository.js';
export {
  DEFAULT_RETENTION,
  RetentionRepository,
  type RetentionTiers,
  type TableRetention,
} from './repositories/retention.repository.js';
export {
  probeTimescaleCapabilities,
  type TimescaleCapabilities,
} from './repositories/retention-capabilities.js';
export { pickTrendTier, type TrendTier } from './repositories/rollup-tier.js';
export {
  type FleetOverviewOptions,
  type FleetOverviewPage,
  type FleetOverviewRow,
  type FleetOverviewSort,
  InvalidFleetCursorError,
  type StringTrend,
  type TrendPoint,
} from './repositories/telemetry-read.repository.js';
// --- notifications (issue 7 fan-out) ---
export {
  type ChannelPatch,
  type NewChannel,
  NotificationChannelRepository,
} from './repositories/notification-channel.repository.js';
export {
  type ClaimOptions,
  NotificationDeliveryRepository,
} from './repositories/notification-delivery.repository.js';
export {
  NotificationPreferenceRepository,
  type PreferenceInput,
} from './repositories/notification-preference.repository.js';
export type {
  AttemptView,
  ClaimedDelivery,
  DeliveryAttemptInput,
  DeliveryNext,
  DeliveryStatus,
  DeliveryView,
  NewDelivery,
  NotificationChannelKind,
  NotificationChannelRow,
  NotificationPerson,
  NotificationPreferenceRow,
  WebpushSubscriptionRow,
} from './repositories/notification.types.js';
// --- alarms (issue 7): lifecycle writes (one transaction + outbox), evaluator reads, inbox reads ---
export {
  type AlarmPatch,
  type AlarmRow,
  type AlarmTransitionRow,
  gatewaySubject,
  type NewAlarm,
  stringSubject,
  type TransitionInput,
} from './repositories/alarm.types.js';
export { AlarmStore } from './repositories/alarm-store.js';
export {
  type GatewayHeartbeatInput,
  GatewayHeartbeatRepository,
  type RecordedHeartbeat,
  SPOOL_POINTS_KEPT,
} from './repositories/gateway-heartbeat.repository.js';
export { AlarmTx, type StoredRuleState } from './repositories/alarm-tx.js';
export { AlarmOutboxRepository, type OutboxEntry } from './repositories/alarm-outbox.repository.js';
export {
  AlarmSubjectRepository,
  type EvaluatedString,
  type MaintenanceSpan,
  type SilentSubject,
  type WaitingRuleState,
} from './repositories/alarm-subject.repository.js';
export {
  AlarmRuleSetRepository,
  ruleScopeKey,
  type StoredRuleSet,
} from './repositories/alarm-rule-set.repository.js';
export {
  type AlarmListFilter,
  type AlarmPersonRow,
  AlarmReadRepository,
} from './repositories/alarm-read.repository.js';
export {
  MaintenanceWindowRepository,
  type MaintenanceWindowRow,
} from './repositories/maintenance-window.repository.js';
// --- access (issue 8): scopes, principals, row-level security pool ---
export {
  type AccessScope,
  AccessRepository,
  disableTenantFilterForTests,
  EMPTY_SCOPE,
  orgScope,
  type Principal,
  SCOPED_ROLE,
  ScopedPool,
  type ScopeArg,
  scopeAdmits,
  scopeSql,
  scopeStatements,
  scopeWhere,
  tenantFilterDisabled,
  toScope,
} from './access/index.js';
// --- audit (issue 8): the recorded requests and whose data they touched ---
export { AuditRepository } from './repositories/audit.repository.js';
export { AuditTargetRepository } from './repositories/audit-target.repository.js';
export type {
  AuditActorRow,
  AuditEventInput,
  AuditEventRow,
  AuditListFilter,
  AuditTargetOwner,
} from './repositories/audit.types.js';
export {
  ACCESS_CHANNEL,
  type NewGrantResult,
  SupportGrantRepository,
  type SupportGrantRow,
} from './repositories/support-grant.repository.js';
// --- accounts (issue 8): members, invitations, password reset, TOTP, API keys ---
export { type MemberChange, MemberRepository, type MemberRow } from './repositories/member.repository.js';
export { MemberCredentialsRepository, type TotpState } from './repositories/member-credentials.repository.js';
export { PasswordResetRepository } from './repositories/password-reset.repository.js';
export {
  InvitationRepository,
  type InvitationRow,
  type NewInvitation,
} from './repositories/invitation.repository.js';
export {
  InvitationAcceptRepository,
  type OpenInvitation,
} from './repositories/invitation-accept.repository.js';
export { ApiKeyRepository, type ApiKeyRow } from './repositories/api-key.repository.js';
export { type ApiKeyCredentials, ApiKeyAuthRepository } from './repositories/api-key-auth.repository.js';
// --- sites, gateways and gateway NATS credentials (issue 8) ---
export {
  type SiteAdminRow,
  SiteAdminRepository,
  type SiteFields,
} from './repositories/site-admin.repository.js';
export {
  GatewayAdminRepository,
  type GatewayAdminRow,
  type RegisterGatewayResult,
} from './repositories/gateway-admin.repository.js';
export {
  GatewayCredentialRepository,
  type IssuedCredential,
  type RevokedGatewayKey,
} from './repositories/gateway-credential.repository.js';
// --- claiming gateways by code (issue 10) ---
export {
  type ClaimedGateway,
  type ClaimGatewayResult,
  GatewayClaimRepository,
} from './repositories/gateway-claim.repository.js';
// --- the AWS IoT pre-provisioning check (issue 11) ---
export {
  type GatewayProvisioningState,
  type GatewayProvisioningStatus,
  GatewayProvisioningRepository,
} from './repositories/gateway-provisioning.repository.js';
// --- string history (issue 6): modules, BMS events, data gaps, connectivity changes ---
export {
  applyComposition,
  BmsModuleRepository,
  type BmsModuleRow,
  type CompositionUpdate,
} from './repositories/bms-module.repository.js';
export {
  type BmsEventBatch,
  type BmsEventInput,
  type BmsEventPage,
  BmsEventRepository,
  type BmsEventRow,
} from './repositories/bms-event.repository.js';
export { applyTopology, type TopologyUpdate } from './repositories/topology-apply.js';
export {
  type TopologyConfirmationRow,
  type TopologyReportRow,
  TopologyRepository,
  type TopologyStringRow,
} from './repositories/topology.repository.js';
export { DataGapRepository, type DataGapRow, type SampleSpan } from './repositories/data-gap.repository.js';
export {
  type ConnectivityEventRow,
  ConnectivityEventRepository,
  type ConnectivityKind,
  type ConnectivityState,
} from './repositories/connectivity-event.repository.js';
export {
  type CommissioningGatewayRow,
  CommissioningRepository,
  type CommissioningStringRow,
  type SiteCommissioningRow,
  type SiteSerials,
} from './repositories/commissioning.repository.js';
export {
  type FleetReportData,
  type FleetReportPeriod,
  FleetReportRepository,
  type FleetReportRow,
  REPORT_OFFLINE_AFTER_S,
} from './repositories/fleet-report.repository.js';
// --- evidence packs (issue 9): the pack queue, its stored files, the data a pack is made of ---
export { EvidencePackRepository } from './repositories/evidence-pack.repository.js';
export { EvidenceQueueRepository } from './repositories/evidence-queue.repository.js';
export { EVIDENCE_CHUNK_BYTES, EvidenceFileRepository } from './repositories/evidence-file.repository.js';
export { EvidenceSourceRepository } from './repositories/evidence-source.repository.js';
export type {
  EvidencePackResult,
  EvidencePackRow,
  EvidencePackStatus,
  NewEvidencePack,
} from './repositories/evidence-pack.types.js';
export type {
  EvidenceAlarmTransition,
  EvidenceDay,
  EvidenceEvent,
  EvidenceGap,
  EvidenceIdentity,
} from './repositories/evidence-source.types.js';
// --- fleet view (issue 9): the filtered, sorted list of strings, the map's sites, saved views ---
export { FleetRepository } from './repositories/fleet.repository.js';
export { FLEET_LIST_DEFAULT_LIMIT, fleetClock } from './repositories/fleet-list.js';
export { InvalidFleetListCursorError } from './repositories/fleet-list.cursor.js';
export {
  FLEET_LIST_SORTS,
  FLEET_STALE_AFTER_S,
  FLEET_STATUSES,
  type FleetListFilters,
  type FleetListOptions,
  type FleetListPage,
  type FleetListRow,
  type FleetRowCohort,
  type FleetListSort,
  type FleetStatus,
  type SortDirection,
} from './repositories/fleet-list.types.js';
export { FLEET_SITES_MAX, type FleetSiteRow } from './repositories/fleet-sites.js';
export {
  SAVED_VIEWS_MAX,
  type SavedView,
  SavedViewLimitError,
  type SavedViewOwner,
  SavedViewRepository,
} from './repositories/saved-view.repository.js';
export {
  type FindingRow,
  type FleetIntelDay,
  FleetIntelRepository,
  type FleetIntelString,
  type StoredCohortStat,
  type StoredFinding,
} from './repositories/fleet-intel.repository.js';
// --- warranty life (issue 9): terms an admin enters, a string's install record, its rollups ---
export {
  MAX_EXCURSION_HOURS,
  type WarrantyDayRow,
  type WarrantyExtremesRow,
  type WarrantyLimitFilter,
  WarrantySeriesRepository,
  type WarrantyTripRow,
} from './repositories/warranty-series.repository.js';
export {
  type StringCommissioningRecord,
  type StringCommissioningRow,
  type WarrantyStringIdentity,
  WarrantyStringRepository,
} from './repositories/warranty-string.repository.js';
export {
  type WarrantyTermsInput,
  WarrantyTermsRepository,
  type WarrantyTermsRow,
} from './repositories/warranty-terms.repository.js';
// --- agent updates (issue 11): site groups, staged rollouts, the gateway's update question ---
export {
  type AgentRollout,
  AgentRolloutRepository,
  RolloutConflictError,
  RolloutNotFoundError,
  type RolloutState,
  type SiteGroup,
} from './repositories/agent-rollout.repository.js';
export {
  type GatewayUpdateOffer,
  GatewayUpdateRepository,
} from './repositories/gateway-update.repository.js';
