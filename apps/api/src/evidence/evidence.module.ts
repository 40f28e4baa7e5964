import {
  EvidenceFileRepository,
  EvidencePackRepository,
  EvidenceQueueRepository,
  EvidenceSourceRepository,
  type PgPool,
  ScopedPool,
} from '@fleet/db';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { SCOPED_PG_POOL } from '../access/access.tokens.js';
import { AuditModule } from '../audit/audit.module.js';
import { CommissioningModule } from '../commissioning/commissioning.module.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import { PG_POOL } from '../database/database.tokens.js';
import { LOGGER, type Logger } from '../logging/root-logger.js';
import { WarrantyModule } from '../warranty/warranty.module.js';
import { EvidenceController } from './evidence.controller.js';
import { EvidenceService } from './evidence.service.js';
import { EVIDENCE_RUNNER, FILE_STREAMER, PACK_READER } from './evidence.tokens.js';
import { EvidenceRunner } from './evidence-runner.js';
import { WarrantyEvidenceSource } from './warranty-adapter.js';
import { EVIDENCE_WARRANTY, type EvidenceWarrantySource } from './warranty-source.js';

/**
 * The runner, built on the system pool for its queue and files, and for each pack a small pool
 * scoped to that pack's site, so everything a pack reads passes row-level security as if the
 * site's reader asked for it.
 */
function createRunner(
  config: AppConfig,
  pool: PgPool,
  warranty: EvidenceWarrantySource,
  logger: Logger,
): EvidenceRunner {
  const files = new EvidenceFileRepository(pool);
  return new EvidenceRunner(
    new EvidenceQueueRepository(pool),
    (pack) => {
      const scoped = new ScopedPool({ connectionString: config.database.url, max: 1 }, () => ({
        orgId: null,
        siteIds: [pack.siteId],
      }));
      scoped.on('error', (error) => logger.warn({ err: error }, 'evidence source connection failed'));
      return {
        deps: { source: new EvidenceSourceRepository(scoped), files, warranty },
        close: () => scoped.end(),
      };
    },
    logger.child({ module: 'evidence' }),
  );
}

/** Starts the runner once the app is up (queued and stale packs resume) and stops it before the pools close. */
@Injectable()
class EvidenceRunnerLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(EVIDENCE_RUNNER) private readonly runner: EvidenceRunner) {}

  onApplicationBootstrap(): void {
    this.runner.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }
}

@Module({
  imports: [AuditModule, WarrantyModule, CommissioningModule],
  controllers: [EvidenceController],
  providers: [
    {
      provide: PACK_READER,
      useFactory: (p: PgPool) => new EvidencePackRepository(p),
      inject: [SCOPED_PG_POOL],
    },
    { provide: FILE_STREAMER, useFactory: (p: PgPool) => new EvidenceFileRepository(p), inject: [PG_POOL] },
    { provide: EVIDENCE_WARRANTY, useClass: WarrantyEvidenceSource },
    {
      provide: EVIDENCE_RUNNER,
      useFactory: createRunner,
      inject: [APP_CONFIG, PG_POOL, EVIDENCE_WARRANTY, LOGGER],
    },
    EvidenceRunnerLifecycle,
    EvidenceService,
  ],
})
export class EvidenceModule {}
