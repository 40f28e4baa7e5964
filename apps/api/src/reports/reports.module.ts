import { FleetReportRepository, type PgPool } from '@fleet/db';
import { Module } from '@nestjs/common';
import { PG_POOL } from '../database/database.tokens.js';
import { FLEET_REPORT_REPO } from './reports.tokens.js';
import { WeeklyReportController } from './weekly-report.controller.js';
import { WeeklyReportRunner } from './weekly-report.runner.js';
import { WeeklyReportService } from './weekly-report.service.js';

/** Weekly fleet report (issue 10): the schedule, the admin's preview and send-now. */
@Module({
  controllers: [WeeklyReportController],
  providers: [
    {
      provide: FLEET_REPORT_REPO,
      useFactory: (p: PgPool) => new FleetReportRepository(p),
      inject: [PG_POOL],
    },
    WeeklyReportService,
    WeeklyReportRunner,
  ],
})
export class ReportsModule {}
