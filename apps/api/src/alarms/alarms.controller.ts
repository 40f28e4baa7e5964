import type { AlarmLanguage } from '@fleet/alarms';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Access } from '../access/access.decorator.js';
import { ALARM_HANDLERS, READERS } from '../access/roles.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { type IdParam, idParamSchema } from '../common/id-param.js';
import type { AuthContext } from '../logging/api-request.js';
import { Authenticated } from '../openapi/authenticated.decorator.js';
import { errorBodySchema } from '../openapi/error-body.schema.js';
import { openApiSchema } from '../openapi/openapi-schema.js';
import { LocalizedAlarmTexts, RequestLanguage } from './alarm-language.js';
import {
  type AlarmDetailDto,
  type AlarmDto,
  type AlarmListDto,
  type AlarmListQuery,
  type AssignBody,
  alarmDetailSchema,
  alarmListQuerySchema,
  alarmListSchema,
  alarmSchema,
  assignBodySchema,
  type BulkAcknowledgeBody,
  type BulkAcknowledgeResultDto,
  type BulkAssignBody,
  type BulkAssignResultDto,
  type BulkResolveBody,
  type BulkResolveResultDto,
  bulkAcknowledgeBodySchema,
  bulkAcknowledgeResultSchema,
  bulkAssignBodySchema,
  bulkAssignResultSchema,
  bulkResolveBodySchema,
  bulkResolveResultSchema,
  type CommentBody,
  commentBodySchema,
  type NoteBody,
  noteBodySchema,
  type SnoozeBody,
  snoozeBodySchema,
} from './alarms.dto.js';
import { AlarmsService } from './alarms.service.js';

/** The alarm inbox. Every transition writes its audit row and publishes its alarm.evt/1 event. */
@ApiTags('alarms')
@Authenticated()
@ApiBadRequestResponse({ description: 'A parameter or field is malformed.', standardSchema: errorBodySchema })
@Controller('alarms')
export class AlarmsController {
  constructor(@Inject(AlarmsService) private readonly alarms: AlarmsService) {}

  @Access(...READERS)
  @Get()
  @LocalizedAlarmTexts()
  @ApiOkResponse({
    description: 'Newest firing first; pass nextCursor for the next page.',
    standardSchema: alarmListSchema,
  })
  list(
    @CurrentAuth() auth: AuthContext,
    @Query({ schema: alarmListQuerySchema }) q: AlarmListQuery,
    @RequestLanguage() lang: AlarmLanguage,
  ): Promise<AlarmListDto> {
    return this.alarms.list(auth, q, lang);
  }

  @Access(...ALARM_HANDLERS)
  @Post('acknowledge')
  @HttpCode(200)
  @ApiBody({ schema: openApiSchema(bulkAcknowledgeBodySchema) })
  @ApiOkResponse({
    description: 'Each alarm acknowledged or refused with the reason.',
    standardSchema: bulkAcknowledgeResultSchema,
  })
  acknowledgeMany(
    @CurrentAuth() auth: AuthContext,
    @Body({ schema: bulkAcknowledgeBodySchema }) body: BulkAcknowledgeBody,
  ): Promise<BulkAcknowledgeResultDto> {
    return this.alarms.acknowledgeMany(auth, body.ids);
  }

  @Access(...ALARM_HANDLERS)
  @Post('resolve')
  @HttpCode(200)
  @ApiBody({ schema: openApiSchema(bulkResolveBodySchema) })
  @ApiOkResponse({
    description: 'Each alarm resolved or refused with the reason (not open or acknowledged, not found).',
    standardSchema: bulkResolveResultSchema,
  })
  resolveMany(
    @CurrentAuth() auth: AuthContext,
    @Body({ schema: bulkResolveBodySchema }) body: BulkResolveBody,
  ): Promise<BulkResolveResultDto> {
    return this.alarms.resolveMany(auth, body.ids, body.note);
  }

  @Access(...ALARM_HANDLERS)
  @Post('assign')
  @HttpCode(200)
  @ApiBody({ schema: openApiSchema(bulkAssignBodySchema) })
  @ApiOkResponse({
    description: 'Each alarm assigned or refused with the reason (closed, not found).',
    standardSchema: bulkAssignResultSchema,
  })
  assignMany(
    @CurrentAuth() auth: AuthContext,
    @Body({ schema: bulkAssignBodySchema }) body: BulkAssignBody,
  ): Promise<BulkAssignResultDto> {
    return this.alarms.assignMany(auth, body.ids, body.userId);
  }

  @Access(...READERS)
  @Get(':id')
  @LocalizedAlarmTexts()
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiOkResponse({
    description: 'The alarm, its audit trail and what the catalogue says about it.',
    standardSchema: alarmDetailSchema,
  })
  @ApiNotFoundResponse({
    description: "No such alarm in the caller's tenant.",
    standardSchema: errorBodySchema,
  })
  detail(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
    @RequestLanguage() lang: AlarmLanguage,
  ): Promise<AlarmDetailDto> {
    return this.alarms.detail(auth, id, lang);
  }

  @Access(...ALARM_HANDLERS)
  @Post(':id/acknowledge')
  @HttpCode(200)
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiBody({ schema: openApiSchema(noteBodySchema), required: false })
  @ApiOkResponse({ standardSchema: alarmSchema })
  @ApiNotFoundResponse({
    description: "No such alarm in the caller's tenant.",
    standardSchema: errorBodySchema,
  })
  @ApiConflictResponse({ description: 'The alarm is not open.', standardSchema: errorBodySchema })
  acknowledge(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
    @Body({ schema: noteBodySchema }) body: NoteBody,
  ): Promise<AlarmDto> {
    return this.alarms.act(auth, id, { kind: 'acknowledge', ...body });
  }

  @Access(...ALARM_HANDLERS)
  @Post(':id/assign')
  @HttpCode(200)
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiBody({ schema: openApiSchema(assignBodySchema) })
  @ApiOkResponse({ standardSchema: alarmSchema })
  @ApiNotFoundResponse({
    description: "No such alarm in the caller's tenant.",
    standardSchema: errorBodySchema,
  })
  @ApiConflictResponse({ description: 'The alarm is closed.', standardSchema: errorBodySchema })
  assign(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
    @Body({ schema: assignBodySchema }) body: AssignBody,
  ): Promise<AlarmDto> {
    return this.alarms.act(auth, id, { kind: 'assign', userId: body.userId });
  }

  @Access(...ALARM_HANDLERS)
  @Post(':id/comment')
  @HttpCode(200)
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiBody({ schema: openApiSchema(commentBodySchema) })
  @ApiOkResponse({ standardSchema: alarmSchema })
  @ApiNotFoundResponse({
    description: "No such alarm in the caller's tenant.",
    standardSchema: errorBodySchema,
  })
  comment(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
    @Body({ schema: commentBodySchema }) body: CommentBody,
  ): Promise<AlarmDto> {
    return this.alarms.act(auth, id, { kind: 'comment', ...body });
  }

  @Access(...ALARM_HANDLERS)
  @Post(':id/resolve')
  @HttpCode(200)
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiBody({ schema: openApiSchema(noteBodySchema), required: false })
  @ApiOkResponse({ standardSchema: alarmSchema })
  @ApiNotFoundResponse({
    description: "No such alarm in the caller's tenant.",
    standardSchema: errorBodySchema,
  })
  @ApiConflictResponse({
    description: 'The alarm is already resolved or closed.',
    standardSchema: errorBodySchema,
  })
  resolve(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
    @Body({ schema: noteBodySchema }) body: NoteBody,
  ): Promise<AlarmDto> {
    return this.alarms.act(auth, id, { kind: 'resolve', ...body });
  }

  @Access(...ALARM_HANDLERS)
  @Post(':id/close')
  @HttpCode(200)
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiBody({ schema: openApiSchema(noteBodySchema), required: false })
  @ApiOkResponse({ standardSchema: alarmSchema })
  @ApiNotFoundResponse({
    description: "No such alarm in the caller's tenant.",
    standardSchema: errorBodySchema,
  })
  @ApiConflictResponse({ description: 'The alarm is already closed.', standardSchema: errorBodySchema })
  close(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
    @Body({ schema: noteBodySchema }) body: NoteBody,
  ): Promise<AlarmDto> {
    return this.alarms.act(auth, id, { kind: 'close', ...body });
  }

  @Access(...ALARM_HANDLERS)
  @Post(':id/snooze')
  @HttpCode(200)
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiBody({ schema: openApiSchema(snoozeBodySchema) })
  @ApiOkResponse({ standardSchema: alarmSchema })
  @ApiNotFoundResponse({
    description: "No such alarm in the caller's tenant.",
    standardSchema: errorBodySchema,
  })
  @ApiConflictResponse({ description: 'The alarm is closed.', standardSchema: errorBodySchema })
  snooze(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
    @Body({ schema: snoozeBodySchema }) body: SnoozeBody,
  ): Promise<AlarmDto> {
    return this.alarms.act(auth, id, { kind: 'snooze', until: body.until });
  }
}
