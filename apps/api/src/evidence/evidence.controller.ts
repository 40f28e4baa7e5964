import type { ServerResponse } from 'node:http';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Access } from '../access/access.decorator.js';
import { READERS } from '../access/roles.js';
import { AuditRecorder } from '../audit/audit.recorder.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { type IdParam, idParamSchema } from '../common/id-param.js';
import type { ApiRequest, AuthContext } from '../logging/api-request.js';
import { Authenticated } from '../openapi/authenticated.decorator.js';
import { errorBodySchema } from '../openapi/error-body.schema.js';
import { openApiSchema } from '../openapi/openapi-schema.js';
import {
  type EvidenceListQuery,
  type EvidencePackDto,
  type EvidencePackListDto,
  type EvidenceRequestDto,
  evidenceListQuerySchema,
  evidencePackListSchema,
  evidencePackSchema,
  evidenceRequestSchema,
} from './evidence.dto.js';
import { EvidenceService } from './evidence.service.js';
import { downloadDraft, downloadName, type EvidenceFileKind, reprDigest } from './evidence-download.js';

const NOT_FOUND = {
  description: "No such string or pack in the caller's scope.",
  standardSchema: errorBodySchema,
};
const NOT_READY = {
  description: 'The pack is still being made, or failed.',
  standardSchema: errorBodySchema,
};

/**
 * Evidence packs (issue 9): a PDF report with charts and a ZIP of the CSVs behind it, with a
 * manifest of SHA-256 hashes, for one string and period. Made by the runner in the background;
 * every reader of the string may ask for one and download it, and each download is audited.
 */
@ApiTags('evidence packs')
@Authenticated()
@ApiBadRequestResponse({ description: 'A bad id, period or query.', standardSchema: errorBodySchema })
@Controller()
export class EvidenceController {
  constructor(
    @Inject(EvidenceService) private readonly evidence: EvidenceService,
    @Inject(AuditRecorder) private readonly audit: AuditRecorder,
  ) {}

  @Access(...READERS)
  @Post('strings/:id/evidence-packs')
  @HttpCode(202)
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiBody({ schema: openApiSchema(evidenceRequestSchema) })
  @ApiAcceptedResponse({
    description: 'The pack, queued; poll it until ready.',
    standardSchema: evidencePackSchema,
  })
  @ApiNotFoundResponse(NOT_FOUND)
  request(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
    @Body({ schema: evidenceRequestSchema }) body: EvidenceRequestDto,
  ): Promise<EvidencePackDto> {
    return this.evidence.request(auth, id, body);
  }

  @Access(...READERS)
  @Get('evidence-packs')
  @ApiOkResponse({ description: "A string's packs, newest first.", standardSchema: evidencePackListSchema })
  @ApiNotFoundResponse(NOT_FOUND)
  list(
    @CurrentAuth() auth: AuthContext,
    @Query({ schema: evidenceListQuerySchema }) q: EvidenceListQuery,
  ): Promise<EvidencePackListDto> {
    return this.evidence.list(auth.scope, q.stringId);
  }

  @Access(...READERS)
  @Get('evidence-packs/:id')
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiOkResponse({
    description: 'The pack with its status and progress.',
    standardSchema: evidencePackSchema,
  })
  @ApiNotFoundResponse(NOT_FOUND)
  get(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
  ): Promise<EvidencePackDto> {
    return this.evidence.get(auth.scope, id);
  }

  @Access(...READERS)
  @Get('evidence-packs/:id/pdf')
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF report; X-Content-SHA256 and Repr-Digest carry its SHA-256.' })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(NOT_READY)
  pdf(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
    @Req() req: ApiRequest,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<StreamableFile> {
    return this.download(auth, id, 'pdf', req, res);
  }

  @Access(...READERS)
  @Get('evidence-packs/:id/zip')
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiProduces('application/zip')
  @ApiOkResponse({
    description: 'The ZIP: CSVs, manifest.json, the PDF; X-Content-SHA256 and Repr-Digest carry its SHA-256.',
  })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(NOT_READY)
  zip(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
    @Req() req: ApiRequest,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<StreamableFile> {
    return this.download(auth, id, 'zip', req, res);
  }

  private async download(
    auth: AuthContext,
    id: string,
    kind: EvidenceFileKind,
    req: ApiRequest,
    res: ServerResponse,
  ): Promise<StreamableFile> {
    const file = await this.evidence.file(auth.scope, id, kind);
    const at = new Date();
    res.once('close', () => this.audit.record(downloadDraft(req, res, auth, file.pack, kind, at)));
    res.setHeader('X-Content-SHA256', file.sha256);
    res.setHeader('Repr-Digest', reprDigest(file.sha256));
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(file.stream, {
      type: kind === 'pdf' ? 'application/pdf' : 'application/zip',
      disposition: `attachment; filename="${downloadName(file.pack, kind)}"`,
      length: file.bytes,
    });
  }
}
