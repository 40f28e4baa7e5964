import { GatewayProvisioningRepository, type PgPool } from '@fleet/db';
import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { PG_POOL } from '../database/database.tokens.js';
import { HookSecretGuard } from './hook-secret.guard.js';
import { ProvisioningController } from './provisioning.controller.js';
import { ProvisioningService } from './provisioning.service.js';

@Module({
  // The rate limiter of the hook's route.
  imports: [AuthModule],
  controllers: [ProvisioningController],
  providers: [
    {
      provide: GatewayProvisioningRepository,
      // The system pool, not the scoped one: the hook is no user and has no organisation. Safe
      // because the repository reads one gateway by its globally unique id and the route answers
      // only allow or a reason, never the gateway's organisation, site or data.
      useFactory: (pool: PgPool) => new GatewayProvisioningRepository(pool),
      inject: [PG_POOL],
    },
    HookSecretGuard,
    ProvisioningService,
  ],
})
export class ProvisioningModule {}
