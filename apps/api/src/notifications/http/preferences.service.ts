import { NotificationChannelRepository, NotificationPreferenceRepository } from '@fleet/db';
import type { AlarmSeverity } from '@fleet/telemetry';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../../common/app-error.js';
import { HTTP_CHANNELS, HTTP_PREFERENCES } from '../notifications.tokens.js';
import type { PreferencesDto, SubscribeBody } from './preferences.dto.js';

/** What a person gets before they save preferences: nothing personal, warnings and up. */
const DEFAULTS: PreferencesDto = {
  channelIds: [],
  minSeverity: 'warning',
  quietHours: null,
  timezone: 'UTC',
  digestAt: null,
};

@Injectable()
export class PreferencesService {
  constructor(
    @Inject(HTTP_PREFERENCES) private readonly preferences: NotificationPreferenceRepository,
    @Inject(HTTP_CHANNELS) private readonly channels: NotificationChannelRepository,
  ) {}

  async get(userId: string): Promise<PreferencesDto> {
    const row = await this.preferences.find(userId);
    if (!row) {
      return DEFAULTS;
    }
    return {
      channelIds: row.channelIds,
      minSeverity: row.minSeverity as AlarmSeverity,
      quietHours: row.quietStart && row.quietEnd ? { start: row.quietStart, end: row.quietEnd } : null,
      timezone: row.timezone,
      digestAt: row.digestAt,
    };
  }

  async put(tenantId: string, userId: string, body: PreferencesDto): Promise<PreferencesDto> {
    const own = new Set((await this.channels.list(tenantId)).map((c) => c.id));
    const unknown = body.channelIds.filter((id) => !own.has(id));
    if (unknown.length > 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        `channelIds: no such channel in your tenant: ${unknown.join(', ')}`,
      );
    }
    await this.preferences.upsert(userId, {
      channelIds: [...new Set(body.channelIds)],
      minSeverity: body.minSeverity,
      quietStart: body.quietHours?.start ?? null,
      quietEnd: body.quietHours?.end ?? null,
      timezone: body.timezone,
      digestAt: body.digestAt,
    });
    return this.get(userId);
  }

  async subscribe(userId: string, body: SubscribeBody): Promise<{ id: string }> {
    const row = await this.preferences.subscribe(userId, {
      endpoint: body.endpoint,
      p256dh: body.keys.p256dh,
      auth: body.keys.auth,
    });
    return { id: row.id };
  }

  async unsubscribe(userId: string, endpoint: string): Promise<void> {
    if (!(await this.preferences.unsubscribe(userId, endpoint))) {
      throw new AppError('NOT_FOUND', 'no such subscription');
    }
  }
}
