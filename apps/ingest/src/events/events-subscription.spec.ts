import { describe, expect, it } from 'vitest';
import { loadIngestConfig } from '../config/ingest-config.js';
import { eventsSubscription } from './events-subscription.js';

const config = (env: Record<string, string> = {}) =>
  loadIngestConfig({ DATABASE_URL: 'postgresql://x@127.0.0.1/x', ...env }).nats;

describe('eventsSubscription', () => {
  it('reads every gateway as ingest-events beside the default writer', () => {
    expect(eventsSubscription(config())).toEqual({ durable: 'ingest-events', filterSubject: 'bms.v1.evt.*' });
  });

  it("follows a custom writer's durable and gateway filter", () => {
    const nats = config({ INGEST_CONSUMER: 'test-w', INGEST_FILTER_SUBJECT: 'bms.v1.tlm.gw-1' });
    expect(eventsSubscription(nats)).toEqual({ durable: 'test-w-events', filterSubject: 'bms.v1.evt.gw-1' });
  });
});
