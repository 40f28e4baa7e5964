import { type PgPool, SupportGrantRepository } from '@fleet/db';
import { Module } from '@nestjs/common';
import { SCOPED_PG_POOL } from '../access/access.tokens.js';
import { SupportGrantsController } from './support-grants.controller.js';
import { SupportGrantsService } from './support-grants.service.js';

@Module({
  controllers: [SupportGrantsController],
  providers: [
    {
      provide: SupportGrantRepository,
      useFactory: (pool: PgPool) => new SupportGrantRepository(pool),
      inject: [SCOPED_PG_POOL],
    },
    SupportGrantsService,
  ],
})
export class SupportGrantsModule {}
