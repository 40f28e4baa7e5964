import { describe, expect, it } from 'vitest';
import { loadConfig } from './app-config.js';

const base = { DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/fleet', AUTH_SECRET: 'x'.repeat(32) };

describe('notification config', () => {
  it('runs no worker without NATS_URL, and none with NOTIFY_WORKER=off', () => {
    expect(loadConfig(base).notify.worker).toBeNull();
    expect(
      loadConfig({ ...base, NATS_URL: 'nats://127.0.0.1:4222', NOTIFY_WORKER: 'off' }).notify.worker,
    ).toBeNull();
    expect(loadConfig({ ...base, NATS_URL: 'nats://127.0.0.1:4222' }).notify.worker).toEqual({
      natsUrl: 'nats://127.0.0.1:4222',
      consumer: undefined,
    });
  });

  it('defaults to a 24 h retry window and reads durations', () => {
    const sut = loadConfig({ ...base, NOTIFY_RETRY_BASE: '500ms', NOTIFY_SEND_TIMEOUT: '20s' }).notify;
    expect(sut.retry).toEqual({ baseMs: 500, maxMs: 3_600_000, windowMs: 86_400_000 });
    expect(sut.sendTimeoutMs).toBe(20_000);
    expect(sut.smtp).toBeNull();
    expect(sut.vapid).toBeNull();
  });

  it('keeps webhooks off private addresses unless told otherwise', () => {
    expect(loadConfig(base).notify.webhookPrivate).toBe(false);
    expect(loadConfig({ ...base, NOTIFY_WEBHOOK_PRIVATE: 'allow' }).notify.webhookPrivate).toBe(true);
    expect(() => loadConfig({ ...base, NOTIFY_WEBHOOK_PRIVATE: 'yes' })).toThrow(/NOTIFY_WEBHOOK_PRIVATE/);
  });

  it('names every bad notification variable', () => {
    expect(() =>
      loadConfig({
        ...base,
        NATS_URL: 'http://x',
        NOTIFY_SMTP_URL: 'mail://x',
        NOTIFY_RETRY_MAX: 'soon',
        NOTIFY_WORKER: 'maybe',
      }),
    ).toThrow(/NATS_URL.*NOTIFY_WORKER.*NOTIFY_SMTP_URL.*NOTIFY_RETRY_MAX/);
  });
});
