import { NotificationDeliveryRepository } from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../../common/app-error.js';
import { HTTP_DELIVERIES } from '../notifications.tokens.js';
import type { DeliveryDto } from './deliveries.dto.js';

/** The alarm inbox's view of who was notified of an alarm, and how each attempt went. */
@Injectable()
export class DeliveriesService {
  constructor(@Inject(HTTP_DELIVERIES) private readonly deliveries: NotificationDeliveryRepository) {}

  async listForAlarm(tenantId: string, alarmId: string): Promise<DeliveryDto[]> {
    if (!(await this.deliveries.alarmOfTenant(tenantId, alarmId))) {
      throw new AppError('NOT_FOUND', `alarm ${alarmId} not found`);
    }
    const rows = await this.deliveries.listForAlarm(tenantId, alarmId);
    return rows.map(({ attemptRows, ...d }) => ({
      ...d,
      nextAttemptAt: d.nextAttemptAt.toISOString(),
      createdAt: d.createdAt.toISOString(),
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
      attemptLog: attemptRows.map((a) => ({
        at: a.at.toISOString(),
        outcome: a.outcome,
        httpStatus: a.httpStatus,
        response: a.response,
        durationMs: a.durationMs,
      })),
    }));
  }
}
