import type {
  ClaimedDelivery,
  NotificationChannelRepository,
  NotificationDeliveryRepository,
  NotificationPreferenceRepository,
} from '@fleet/db';
import type { Logger } from 'pino';
import type { NotifyConfig } from '../../config/notify-config.js';
import type { ProviderRegistry } from '../providers/provider-registry.js';
import type { NotifyStats } from './notify-stats.js';
import { sendDelivery } from './send-delivery.js';

const CLAIM_LIMIT = 64;
const PER_CHANNEL = 8;

export interface SchedulerDeps {
  config: NotifyConfig;
  deliveries: NotificationDeliveryRepository;
  channels: NotificationChannelRepository;
  preferences: NotificationPreferenceRepository;
  registry: ProviderRegistry;
  stats: NotifyStats;
  logger: Logger;
}

/**
 * Claims due deliveries every poll and sends them, one runner per channel: a channel whose
 * target hangs or fails keeps only its own runner busy (each send has a timeout), and channels
 * with a runner in flight are not claimed again until it finishes, so a dead channel never
 * delays another. Claims carry a lease; a worker killed mid-send leaves rows another worker
 * reclaims when the lease runs out.
 */
export class DeliveryScheduler {
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;
  private readonly runners = new Map<string, Promise<void>>();

  constructor(private readonly deps: SchedulerDeps) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.deps.config.pollMs);
    void this.tick();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await Promise.allSettled(this.runners.values());
  }

  /** One claim round; exposed for tests. Returns how many deliveries it claimed. */
  async tick(): Promise<number> {
    if (this.ticking) {
      return 0;
    }
    this.ticking = true;
    try {
      const claimed = await this.deps.deliveries.claimDue({
        limit: CLAIM_LIMIT,
        perChannel: PER_CHANNEL,
        leaseMs: this.deps.config.leaseMs,
        excludeChannelIds: [...this.runners.keys()],
      });
      for (const [channelId, batch] of groupByChannel(claimed)) {
        const runner = this.run(channelId, batch)
          .catch((error: unknown) =>
            this.deps.logger.warn({ err: error, channelId }, 'channel runner failed'),
          )
          .finally(() => this.runners.delete(channelId));
        this.runners.set(channelId, runner);
      }
      return claimed.length;
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'claiming deliveries failed');
      return 0;
    } finally {
      this.ticking = false;
    }
  }

  private async run(channelId: string, batch: ClaimedDelivery[]): Promise<void> {
    const { channels, registry, deliveries, config, logger } = this.deps;
    // A database error here fails the whole batch; its leases run out and a later tick retries.
    const channel = await channels.findById(channelId);
    for (const delivery of batch) {
      const result = await sendDelivery(delivery, {
        channel,
        buildProvider: (c) => registry.build(c, delivery),
        policy: config.retry,
        timeoutMs: config.sendTimeoutMs,
        now: () => new Date(),
      });
      if (!result.outcome.ok && result.outcome.permanent && delivery.recipient.startsWith('push:')) {
        // Forget the subscription before the delivery reads as dead, so whoever sees "dead" also
        // sees the subscription gone (and no later event is pushed to it).
        await this.deps.preferences
          .removeSubscription(delivery.recipient.slice(5))
          .catch((error: unknown) => {
            logger.warn(
              { err: error, deliveryId: delivery.id },
              'forgetting a gone push subscription failed',
            );
          });
      }
      try {
        await deliveries.finish(delivery.id, result.attempt, result.next);
      } catch (error) {
        // The lease runs out and another tick retries it; the receiver may see it twice.
        logger.error({ err: error, deliveryId: delivery.id }, 'recording a delivery attempt failed');
        continue;
      }
      this.count(result.next.status);
      if (result.next.status !== 'delivered') {
        logger.info(
          {
            deliveryId: delivery.id,
            channelId,
            attempt: delivery.attempts,
            status: result.next.status,
            error: result.next.error,
          },
          'delivery attempt failed',
        );
      }
    }
  }

  private count(status: 'delivered' | 'failed' | 'dead'): void {
    if (status === 'delivered') {
      this.deps.stats.delivered += 1;
    } else if (status === 'dead') {
      this.deps.stats.dead += 1;
    } else {
      this.deps.stats.failedAttempts += 1;
    }
  }
}

function groupByChannel(rows: ClaimedDelivery[]): Map<string, ClaimedDelivery[]> {
  const groups = new Map<string, ClaimedDelivery[]>();
  for (const row of rows) {
    groups.set(row.channelId, [...(groups.get(row.channelId) ?? []), row]);
  }
  return groups;
}
