import { Controller, Get, Headers, Inject, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access } from '../access/access.decorator.js';
import { ORG_ADMINS } from '../access/roles.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import type { AuthContext } from '../logging/api-request.js';
import { Authenticated } from '../openapi/authenticated.decorator.js';
import { errorBodySchema } from '../openapi/error-body.schema.js';
import {
  type AuditListQuery,
  type AuditPageDto,
  auditListQuerySchema,
  auditPageSchema,
} from './audit.dto.js';
import { AuditService } from './audit.service.js';

/** Who did what, when and from where, about the organisation's data or by its members. */
@ApiTags('audit')
@Authenticated()
@ApiBadRequestResponse({
  description: 'A filter or the cursor is malformed.',
  standardSchema: errorBodySchema,
})
@Controller('audit')
export class AuditController {
  constructor(@Inject(AuditService) private readonly audit: AuditService) {}

  @Access(...ORG_ADMINS)
  @Get()
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description:
      'Newest first; pass nextCursor for the next page. With format=csv or Accept: text/csv, the whole filtered log as a CSV attachment.',
    standardSchema: auditPageSchema,
  })
  list(
    @CurrentAuth() auth: AuthContext,
    @Query({ schema: auditListQuerySchema }) q: AuditListQuery,
    @Headers('accept') accept: string | undefined,
  ): Promise<AuditPageDto> | StreamableFile {
    const csv = q.format === 'csv' || (q.format === undefined && /\btext\/csv\b/i.test(accept ?? ''));
    if (!csv) {
      return this.audit.page(auth.tenantId, q);
    }
    return new StreamableFile(this.audit.csv(auth.tenantId, q), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`,
    });
  }
}
