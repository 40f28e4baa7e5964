import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AccountsModule } from './accounts/accounts.module.js';
import { AlarmsModule } from './alarms/alarms.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CellsModule } from './cells/cells.module.js';
import { ClaimsModule } from './claims/claims.module.js';
import { CommissioningModule } from './commissioning/commissioning.module.js';
import { AppErrorFilter } from './common/app-error.filter.js';
import { createValidationPipe } from './common/validation.pipe.js';
import type { AppConfig } from './config/app-config.js';
import { APP_CONFIG } from './config/app-config.token.js';
import { DatabaseModule } from './database/database.module.js';
import { EvidenceModule } from './evidence/evidence.module.js';
import { FindingsModule } from './findings/findings.module.js';
import { FleetModule } from './fleet/fleet.module.js';
import { GatewaysModule } from './gateways/gateways.module.js';
import { SupportGrantsModule } from './grants/support-grants.module.js';
import { HealthModule } from './health/health.module.js';
import { HistoryModule } from './history/history.module.js';
import { HttpCacheModule } from './http-cache/http-cache.module.js';
import { LiveModule } from './live/live.module.js';
import { LOGGER, type Logger } from './logging/root-logger.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { ProvisioningModule } from './provisioning/provisioning.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { RolloutsModule } from './rollouts/rollouts.module.js';
import { SiteEnergyModule } from './site-energy/site-energy.module.js';
import { SitesModule } from './sites/sites.module.js';
import { StringsModule } from './strings/strings.module.js';
import { TopologyModule } from './topology/topology.module.js';
import { WarrantyModule } from './warranty/warranty.module.js';

@Module({})
export class AppModule {}

/**
 * The root module with the values built at the composition root (config, logger) provided
 * globally. Config is parsed by the caller (main.ts or a test), never read from the environment here.
 */
export function appModule(config: AppConfig, logger: Logger): DynamicModule {
  return {
    module: AppModule,
    global: true,
    imports: [
      DatabaseModule,
      MetricsModule,
      HealthModule,
      AuthModule,
      SitesModule,
      StringsModule,
      HistoryModule,
      NotificationsModule,
      AlarmsModule,
      AccountsModule,
      AuditModule,
      HttpCacheModule,
      SupportGrantsModule,
      LiveModule,
      FleetModule,
      GatewaysModule,
      ClaimsModule,
      WarrantyModule,
      EvidenceModule,
      CommissioningModule,
      ReportsModule,
      CellsModule,
      SiteEnergyModule,
      TopologyModule,
      FindingsModule,
      ProvisioningModule,
      RolloutsModule,
    ],
    providers: [
      { provide: APP_CONFIG, useValue: config },
      { provide: LOGGER, useValue: logger },
      { provide: APP_FILTER, useClass: AppErrorFilter },
      { provide: APP_PIPE, useFactory: createValidationPipe },
    ],
    exports: [APP_CONFIG, LOGGER],
  };
}
