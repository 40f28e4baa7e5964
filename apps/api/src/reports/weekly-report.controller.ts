import type { FleetReportRow } from '@fleet/db';
import { Controller, Get, Header, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access } from '../access/access.decorator.js';
import { ORG_ADMINS } from '../access/roles.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import type { AuthContext } from '../logging/api-request.js';
import { Authenticated } from '../openapi/authenticated.decorator.js';
import {
  type WeeklyReportPreviewQuery,
  type WeeklyReportRunDto,
  weeklyReportPreviewQuerySchema,
  weeklyReportRunSchema,
} from './weekly-report.dto.js';
import { WeeklyReportService } from './weekly-report.service.js';

const runDto = (r: FleetReportRow): WeeklyReportRunDto => ({
  isoWeek: r.isoWeek,
  periodFrom: r.periodFrom.toISOString(),
  periodTo: r.periodTo.toISOString(),
  status: r.status,
  attempts: r.attempts,
  recipients: r.recipients,
  error: r.error,
  sentAt: r.sentAt === null ? null : r.sentAt.toISOString(),
});

/** The weekly fleet report of the caller's organisation (issue 10): preview and send now, for org admins. */
@ApiTags('reports')
@Authenticated()
@Controller('reports/weekly')
export class WeeklyReportController {
  constructor(@Inject(WeeklyReportService) private readonly reports: WeeklyReportService) {}

  @Access(...ORG_ADMINS)
  @Get('preview')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  @ApiOkResponse({
    description: 'Last week’s report as the mail’s HTML in the asked language, nothing sent.',
  })
  preview(
    @CurrentAuth() auth: AuthContext,
    @Query({ schema: weeklyReportPreviewQuerySchema }) q: WeeklyReportPreviewQuery,
  ): Promise<string> {
    return this.reports.preview(auth.tenantId, q.locale);
  }

  @Access(...ORG_ADMINS)
  @Post('send')
  @HttpCode(200)
  @ApiOkResponse({
    description: 'Last week’s report sent now (HTML mail, PDF attached), or the run that already sent it.',
    standardSchema: weeklyReportRunSchema,
  })
  async send(@CurrentAuth() auth: AuthContext): Promise<WeeklyReportRunDto> {
    return runDto(await this.reports.sendNow(auth.tenantId));
  }
}
