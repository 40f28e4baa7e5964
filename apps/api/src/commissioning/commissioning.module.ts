import { CommissioningRepository, type PgPool } from '@fleet/db';
import { Module } from '@nestjs/common';
import { SCOPED_PG_POOL } from '../access/access.tokens.js';
import { CommissioningController } from './commissioning.controller.js';
import { CommissioningService } from './commissioning.service.js';
import { COMMISSIONING_REPO } from './commissioning.tokens.js';

/** Commissioning checklist (issue 10). Exports the service so the evidence pack prints the record. */
@Module({
  controllers: [CommissioningController],
  providers: [
    {
      provide: COMMISSIONING_REPO,
      useFactory: (pool: PgPool) => new CommissioningRepository(pool),
      inject: [SCOPED_PG_POOL],
    },
    CommissioningService,
  ],
  exports: [CommissioningService],
})
export class CommissioningModule {}
