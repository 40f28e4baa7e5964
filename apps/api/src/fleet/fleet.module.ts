import { FleetRepository, type PgPool } from '@fleet/db';
import { Module } from '@nestjs/common';
import { SCOPED_PG_POOL } from '../access/access.tokens.js';
import { SavedViewsModule } from '../saved-views/saved-views.module.js';
import { FleetController } from './fleet.controller.js';
import { FleetService } from './fleet.service.js';

/** The fleet view's API: the list, the map's sites, and (imported) the saved views. */
@Module({
  imports: [SavedViewsModule],
  controllers: [FleetController],
  providers: [
    FleetService,
    {
      provide: FleetRepository,
      useFactory: (pool: PgPool) => new FleetRepository(pool),
      inject: [SCOPED_PG_POOL],
    },
  ],
})
export class FleetModule {}
