import { AuditRepository, AuditTargetRepository, type PgPool } from '@fleet/db';
import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { SCOPED_PG_POOL } from '../access/access.tokens.js';
import { PG_POOL } from '../database/database.tokens.js';
import { AuditController } from './audit.controller.js';
import { AuditMiddleware } from './audit.middleware.js';
import { AuditRecorder } from './audit.recorder.js';
import { AuditService } from './audit.service.js';
import { AUDIT_READER, AUDIT_WRITER } from './audit.tokens.js';

/**
 * The audit log (issue 8): every request is watched by AuditMiddleware, the ones to record are
 * written by AuditRecorder after the response, and org admins read them at GET /api/audit.
 */
@Module({
  controllers: [AuditController],
  providers: [
    { provide: AUDIT_WRITER, useFactory: (pool: PgPool) => new AuditRepository(pool), inject: [PG_POOL] },
    {
      provide: AUDIT_READER,
      useFactory: (pool: PgPool) => new AuditRepository(pool),
      inject: [SCOPED_PG_POOL],
    },
    {
      provide: AuditTargetRepository,
      useFactory: (pool: PgPool) => new AuditTargetRepository(pool),
      inject: [PG_POOL],
    },
    AuditRecorder,
    AuditMiddleware,
    AuditService,
  ],
  exports: [AuditRecorder],
})
export class AuditModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuditMiddleware).forRoutes('{*path}');
  }
}
