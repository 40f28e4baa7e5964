import { AgentRolloutRepository, GatewayUpdateRepository, type PgPool } from '@fleet/db';
import { Module } from '@nestjs/common';
import { SCOPED_PG_POOL } from '../access/access.tokens.js';
import { PG_POOL } from '../database/database.tokens.js';
import { RolloutsController } from './rollouts.controller.js';
import { RolloutsService } from './rollouts.service.js';

@Module({
  controllers: [RolloutsController],
  providers: [
    RolloutsService,
    {
      provide: AgentRolloutRepository,
      useFactory: (pool: PgPool) => new AgentRolloutRepository(pool),
      inject: [SCOPED_PG_POOL],
    },
    {
      provide: GatewayUpdateRepository,
      // The system pool: the caller is a gateway, no user, so it has no scope. Safe because every
      // statement starts from the one gateway id whose active key signed the question.
      useFactory: (pool: PgPool) => new GatewayUpdateRepository(pool),
      inject: [PG_POOL],
    },
  ],
})
export class RolloutsModule {}
