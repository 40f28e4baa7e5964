import { GatewayAdminRepository, GatewayCredentialRepository, type PgPool } from '@fleet/db';
import { Module } from '@nestjs/common';
import { SCOPED_PG_POOL } from '../access/access.tokens.js';
import { GatewaysController } from './gateways.controller.js';
import { GatewaysService } from './gateways.service.js';

@Module({
  controllers: [GatewaysController],
  providers: [
    {
      provide: GatewayAdminRepository,
      useFactory: (pool: PgPool) => new GatewayAdminRepository(pool),
      inject: [SCOPED_PG_POOL],
    },
    {
      provide: GatewayCredentialRepository,
      useFactory: (pool: PgPool) => new GatewayCredentialRepository(pool),
      inject: [SCOPED_PG_POOL],
    },
    GatewaysService,
  ],
})
export class GatewaysModule {}
