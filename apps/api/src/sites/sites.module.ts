import { type PgPool, SiteAdminRepository } from '@fleet/db';
import { Module } from '@nestjs/common';
import { SCOPED_PG_POOL } from '../access/access.tokens.js';
import { SiteAdminService } from './site-admin.service.js';
import { SitesController } from './sites.controller.js';
import { SitesService } from './sites.service.js';

@Module({
  controllers: [SitesController],
  providers: [
    {
      provide: SiteAdminRepository,
      useFactory: (pool: PgPool) => new SiteAdminRepository(pool),
      inject: [SCOPED_PG_POOL],
    },
    SitesService,
    SiteAdminService,
  ],
})
export class SitesModule {}
