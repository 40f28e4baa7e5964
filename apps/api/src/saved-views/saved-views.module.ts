import { type PgPool, SavedViewRepository } from '@fleet/db';
import { Module } from '@nestjs/common';
import { SCOPED_PG_POOL } from '../access/access.tokens.js';
import { SavedViewsController } from './saved-views.controller.js';
import { SavedViewsService } from './saved-views.service.js';

@Module({
  controllers: [SavedViewsController],
  providers: [
    SavedViewsService,
    {
      provide: SavedViewRepository,
      useFactory: (pool: PgPool) => new SavedViewRepository(pool),
      inject: [SCOPED_PG_POOL],
    },
  ],
})
export class SavedViewsModule {}
