import {
  BmsEventRepository,
  BmsModuleRepository,
  ConnectivityEventRepository,
  DataGapRepository,
  type PgPool,
} from '@fleet/db';
import { Module } from '@nestjs/common';
import { SCOPED_PG_POOL } from '../access/access.tokens.js';
import { HistoryController } from './history.controller.js';
import { HistoryService } from './history.service.js';
import { CONNECTIVITY_READER, EVENT_READER, GAP_READER, MODULE_READER } from './history.tokens.js';

/** GET /api/strings/{id}/modules, /events and /gaps, read on the row-level-security pool. */
@Module({
  controllers: [HistoryController],
  providers: [
    {
      provide: MODULE_READER,
      useFactory: (p: PgPool) => new BmsModuleRepository(p),
      inject: [SCOPED_PG_POOL],
    },
    { provide: EVENT_READER, useFactory: (p: PgPool) => new BmsEventRepository(p), inject: [SCOPED_PG_POOL] },
    { provide: GAP_READER, useFactory: (p: PgPool) => new DataGapRepository(p), inject: [SCOPED_PG_POOL] },
    {
      provide: CONNECTIVITY_READER,
      useFactory: (p: PgPool) => new ConnectivityEventRepository(p),
      inject: [SCOPED_PG_POOL],
    },
    HistoryService,
  ],
})
export class HistoryModule {}
