import { GatewayClaimRepository, type PgPool } from '@fleet/db';
import { Module } from '@nestjs/common';
import { SCOPED_PG_POOL } from '../access/access.tokens.js';
import { AuthModule } from '../auth/auth.module.js';
import { PG_POOL } from '../database/database.tokens.js';
import { ClaimsController } from './claims.controller.js';
import { ClaimsService, ENROLMENT_CLAIMS } from './claims.service.js';

@Module({
  // The rate limiter of the public enrolment poll.
  imports: [AuthModule],
  controllers: [ClaimsController],
  providers: [
    {
      provide: GatewayClaimRepository,
      useFactory: (pool: PgPool) => new GatewayClaimRepository(pool),
      inject: [SCOPED_PG_POOL],
    },
    {
      provide: ENROLMENT_CLAIMS,
      useFactory: (pool: PgPool) => new GatewayClaimRepository(pool),
      inject: [PG_POOL],
    },
    ClaimsService,
  ],
})
export class ClaimsModule {}
