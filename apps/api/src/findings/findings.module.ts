import { FleetIntelRepository, type PgPool } from '@fleet/db';
import { Module } from '@nestjs/common';
import { SCOPED_PG_POOL } from '../access/access.tokens.js';
import { FindingsController } from './findings.controller.js';
import { FindingsService } from './findings.service.js';

/** Early warnings of the fleet analysis (issue 10), read on the scoped pool. */
@Module({
  controllers: [FindingsController],
  providers: [
    FindingsService,
    {
      provide: FleetIntelRepository,
      useFactory: (pool: PgPool) => new FleetIntelRepository(pool),
      inject: [SCOPED_PG_POOL],
    },
  ],
})
export class FindingsModule {}
