import { CellLatestRepository, type PgPool } from '@fleet/db';
import { Module } from '@nestjs/common';
import { SCOPED_PG_POOL } from '../access/access.tokens.js';
import { CellsController } from './cells.controller.js';
import { CellsService } from './cells.service.js';
import { CELL_READER } from './cells.tokens.js';

/** GET /api/strings/{id}/cells, read on the row-level-security pool. */
@Module({
  controllers: [CellsController],
  providers: [
    {
      provide: CELL_READER,
      useFactory: (p: PgPool) => new CellLatestRepository(p),
      inject: [SCOPED_PG_POOL],
    },
    CellsService,
  ],
})
export class CellsModule {}
