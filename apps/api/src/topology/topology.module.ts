import { type PgPool, TopologyRepository } from '@fleet/db';
import { Module } from '@nestjs/common';
import { SCOPED_PG_POOL } from '../access/access.tokens.js';
import { TopologyController } from './topology.controller.js';
import { TopologyService } from './topology.service.js';
import { TOPOLOGY_REPO } from './topology.tokens.js';

/** Topology discovery and confirmation (issue 10). */
@Module({
  controllers: [TopologyController],
  providers: [
    {
      provide: TOPOLOGY_REPO,
      useFactory: (p: PgPool) => new TopologyRepository(p),
      inject: [SCOPED_PG_POOL],
    },
    TopologyService,
  ],
})
export class TopologyModule {}
