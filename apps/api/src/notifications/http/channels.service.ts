import { randomUUID } from 'node:crypto';
import {
  type ClaimedDelivery,
  NotificationChannelRepository,
  type NotificationChannelRow,
  NotificationPreferenceRepository,
} from '@fleet/db';
import { ALARM_EVENT_SCHEMA, type AlarmEvent } from '@fleet/telemetry';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../../common/app-error.js';
import { CHANNEL_RECIPIENT, mailto } from '../domain/plan-deliveries.js';
import { HTTP_CHANNELS, HTTP_PREFERENCES } from '../notifications.tokens.js';
import { ProviderRegistry } from '../providers/provider-registry.js';
import { newWebhookSecret, SecretBox } from '../secret-box.js';
import type {
  ChannelDto,
  CreateChannelBody,
  CreatedChannelDto,
  TestResultDto,
  UpdateChannelBody,
} from './channels.dto.js';

const TEST_TIMEOUT_MS = 15_000;

@Injectable()
export class ChannelsService {
  constructor(
    @Inject(HTTP_CHANNELS) private readonly channels: NotificationChannelRepository,
    @Inject(HTTP_PREFERENCES) private readonly preferences: NotificationPreferenceRepository,
    @Inject(SecretBox) private readonly secrets: SecretBox,
    @Inject(ProviderRegistry) private readonly registry: ProviderRegistry,
  ) {}

  async list(tenantId: string): Promise<ChannelDto[]> {
    return (await this.channels.list(tenantId)).map(toChannelDto);
  }

  async get(tenantId: string, id: string): Promise<ChannelDto> {
    return toChannelDto(await this.find(tenantId, id));
  }

  /** A webhook's secret is generated here and returned in this response only. */
  async create(tenantId: string, body: CreateChannelBody): Promise<CreatedChannelDto> {
    if (body.kind === 'webhook') {
      this.assertWebhookUrl(body.url);
    }
    const secret = body.kind === 'webhook' ? newWebhookSecret() : undefined;
    const row = await this.channels.create({
      tenantId,
      kind: body.kind,
      name: body.name,
      config: configOf(body),
      secretEnc: secret ? this.secrets.seal(secret) : null,
      enabled: body.enabled,
    });
    return { ...toChannelDto(row), ...(secret ? { secret } : {}) };
  }

  async update(tenantId: string, id: string, body: UpdateChannelBody): Promise<ChannelDto> {
    const current = await this.find(tenantId, id);
    const { name, enabled, ...options } = body;
    const allowed: string[] = { webhook: ['url', 'format'], email: ['to'], webpush: [] }[current.kind];
    const foreign = Object.keys(options).filter((k) => !allowed.includes(k));
    if (foreign.length > 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        `${foreign.join(', ')}: not an option of a ${current.kind} channel`,
      );
    }
    if (typeof options.url === 'string') {
      this.assertWebhookUrl(options.url);
    }
    const config = Object.keys(options).length > 0 ? { ...current.config, ...options } : undefined;
    const row = await this.channels.update(tenantId, id, { name, enabled, config });
    return toChannelDto(row ?? current);
  }

  private assertWebhookUrl(url: string): void {
    const problem = this.registry.webhookUrlProblem(url);
    if (problem !== null) {
      throw new AppError('VALIDATION_FAILED', `url: ${problem}; webhooks go to public receivers`);
    }
  }

  async remove(tenantId: string, id: string): Promise<void> {
    if (!(await this.channels.remove(tenantId, id))) {
      throw new AppError('NOT_FOUND', `notification channel ${id} not found`);
    }
  }

  /**
   * Sends a synthetic `test.notification` event through the channel's real provider right now
   * (webhook: the URL; email: the address list; web push: the caller's own browsers). Not queued
   * and not recorded as a delivery: a test is not an alarm.
   */
  async test(tenantId: string, userId: string, id: string): Promise<TestResultDto> {
    const channel = await this.find(tenantId, id);
    const event = testEvent(tenantId, userId);
    const recipients = await this.testRecipients(channel, userId);
    if (recipients.length === 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        `channel ${id} has no recipient to test (addresses or subscriptions)`,
      );
    }
    const results: TestResultDto = [];
    for (const recipient of recipients) {
      const delivery: ClaimedDelivery = {
        id: randomUUID(),
        tenantId,
        channelId: id,
        eventId: `${event.alarmId}:1`,
        alarmId: event.alarmId,
        seq: 1,
        recipient,
        userId,
        event,
        attempts: 1,
        createdAt: new Date(),
      };
      const provider = await this.registry.build(channel, delivery).catch((error: Error) => error);
      const outcome =
        provider instanceof Error
          ? { ok: false as const, httpStatus: null, response: null, error: provider.message }
          : await provider.send({ delivery, event, channel }, AbortSignal.timeout(TEST_TIMEOUT_MS));
      results.push({
        recipient,
        ok: outcome.ok,
        httpStatus: outcome.httpStatus,
        response: outcome.response,
        error: outcome.ok ? null : outcome.error,
      });
    }
    return results;
  }

  private async testRecipients(channel: NotificationChannelRow, userId: string): Promise<string[]> {
    switch (channel.kind) {
      case 'webhook':
        return [CHANNEL_RECIPIENT];
      case 'email':
        return (Array.isArray(channel.config.to) ? channel.config.to : []).map((a) => mailto(String(a)));
      case 'webpush':
        return (await this.preferences.subscriptionsOf([userId])).map((s) => `push:${s.id}`);
    }
  }

  private async find(tenantId: string, id: string): Promise<NotificationChannelRow> {
    const row = await this.channels.find(tenantId, id);
    if (!row) {
      throw new AppError('NOT_FOUND', `notification channel ${id} not found`);
    }
    return row;
  }
}

function configOf(body: CreateChannelBody): Record<string, unknown> {
  switch (body.kind) {
    case 'webhook':
      return { url: body.url, format: body.format };
    case 'email':
      return { to: body.to };
    case 'webpush':
      return {};
  }
}

function toChannelDto(row: NotificationChannelRow): ChannelDto {
  const c = row.config;
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    enabled: row.enabled,
    ...(row.kind === 'webhook' ? { url: String(c.url), format: c.format as ChannelDto['format'] } : {}),
    ...(row.kind === 'email' ? { to: Array.isArray(c.to) ? c.to.map(String) : [] } : {}),
    createdAt: row.createdAt.toISOString(),
  };
}

function testEvent(tenantId: string, userId: string): AlarmEvent {
  return {
    schema: ALARM_EVENT_SCHEMA,
    alarmId: randomUUID(),
    seq: 1,
    tenantId,
    siteId: '00000000-0000-4000-8000-000000000000',
    stringId: null,
    gatewayId: null,
    code: 'test.notification',
    title: 'Test notification',
    severity: 'info',
    transition: 'fired',
    status: 'open',
    count: 1,
    flapping: false,
    notify: true,
    actor: userId,
    at: new Date().toISOString(),
    detail: { meaning: 'Sent from the channel settings to check that notices arrive.' },
  };
}
