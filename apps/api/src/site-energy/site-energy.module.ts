import { type PgPool, SiteEnergyRepository } from '@fleet/db';
import { Module } from '@nestjs/common';
import { SCOPED_PG_POOL } from '../access/access.tokens.js';
import { SiteEnergyController } from './site-energy.controller.js';
import { SiteEnergyService } from './site-energy.service.js';
import { SITE_ENERGY_READER } from './site-energy.tokens.js';

/** GET /api/sites/{id}/energy, read on the row-level-security pool. */
@Module({
  controllers: [SiteEnergyController],
  providers: [
    {
      provide: SITE_ENERGY_READER,
      useFactory: (p: PgPool) => new SiteEnergyRepository(p),
      inject: [SCOPED_PG_POOL],
    },
    SiteEnergyService,
  ],
})
export class SiteEnergyModule {}
