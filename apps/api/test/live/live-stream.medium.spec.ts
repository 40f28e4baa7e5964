import { testDatabaseTargets } from '@fleet/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { type LiveFixture, useLiveFixture } from './live-fixture.js';
import { grantToDesk, killAccessListener, revokeByHand } from './live-grants.js';
import type { LivePlace } from './live-world.js';
import type { SseClient, SseEvent } from './sse-client.js';

// Issue 8: the live stream carries telemetry and alarm events filtered by the caller's access as
// it is now, and a revoke or an expiry of a support grant ends it at once. Real app, real
// PostgreSQL/TimescaleDB, a private nats-server. "Not delivered" is shown by order, not by
// waiting: a witness stream that may see the event receives it first, and a stream receives
// from one socket in order, so the later events it does get prove the earlier one was not sent.

const targets = await testDatabaseTargets();

type Who = 'installer' | 'owner' | 'support' | 'foreign';
type Open = (who: Who, query?: string) => Promise<SseClient>;

const isEvent = (kind: string, place: LivePlace, title?: string) => (e: SseEvent) =>
  e.event === kind && e.data.siteId === place.siteId && (title === undefined || e.data.title === title);
const sitesOf = (s: SseClient) =>
  s
    .ofKind('telemetry', 'alarm')
    .map((e) => `${e.event}@${e.data.siteId}`)
    .sort();

describe.each(targets)('live stream on $name', (target) => {
  const f = useLiveFixture(target);
  const token = {} as Record<Who, string>;

  beforeAll(async () => {
    for (const who of ['installer', 'owner', 'support', 'foreign'] as const) {
      token[who] = await f.login(f.world.users[who]);
    }
  });

  async function open(who: Who, query = ''): Promise<SseClient> {
    const stream = await f.stream(token[who], query);
    expect(stream.status).toBe(200);
    expect((await stream.waitFor((e) => e.event === 'ready')).data.live).toBe(true);
    return stream;
  }

  it('sends support (site A1) and the owner of A1 the events of A1 and none of A2 or of tenant B', () =>
    onlyWhatEachMaySee(f, open));

  it('drops an alarm event whose subject names another tenant and site than its body', async () => {
    const { a1, b1 } = f.world;
    const support = await open('support', `?site=${a1.siteId}`);
    await f.publishAlarm(a1, 'forged onto B1', b1);
    await f.publishAlarm(a1, 'A1 marker');
    await support.waitFor(isEvent('alarm', a1, 'A1 marker'));
    expect(support.ofKind('alarm').map((e) => e.data.title)).toEqual(['A1 marker']);
    support.close();
  });

  it('answers 404 for a site or string outside the caller scope, before any event', async () => {
    const { a1, a2 } = f.world;
    expect((await f.stream(token.foreign, `?site=${a1.siteId}`)).status).toBe(404);
    expect((await f.stream(token.support, `?site=${a2.siteId}`)).status).toBe(404);
    expect((await f.stream(token.owner, `?string=${a2.stringId}`)).status).toBe(404);
    expect((await f.stream(token.support, '?site=nope')).status).toBe(400);
  });

  it('still hears a revoke after its LISTEN connection was killed (grant updated and announced by hand)', async () => {
    const { a2 } = f.world;
    const grantId = await grantToDesk(f.pool, f.world, a2, 7 * 86_400_000);
    const support = await open('support', `?site=${a2.siteId}`);
    expect(await killAccessListener(f.pool)).toBe(1);
    await revokeByHand(f.pool, f.world, grantId, a2);
    const revoked = await support.waitFor((e) => e.event === 'revoked');
    expect(revoked.data.reason).toBe('access to the requested site ended');
    await support.ended;
  });

  it('ends the stream when the grant expires, without anyone announcing it', async () => {
    const { a2 } = f.world;
    await grantToDesk(f.pool, f.world, a2, 3_000);
    const support = await open('support', `?site=${a2.siteId}`);
    const revoked = await support.waitFor((e) => e.event === 'revoked');
    expect(revoked.data.reason).toBe('access to the requested site ended');
    await support.ended;
    expect(support.ofKind('telemetry', 'alarm')).toEqual([]);
  });

  it('ends a support stream with revoked when the installer revokes the grant; a new stream is refused', async () => {
    const { a1 } = f.world;
    const support = await open('support', `?site=${a1.siteId}`);
    expect(await f.call(token.installer, 'DELETE', `/support-grants/${f.world.grantId}`)).toBe(200);
    const revoked = await support.waitFor((e) => e.event === 'revoked');
    expect(revoked.data.reason).toBe('access to the requested site ended');
    await support.ended;
    expect((await f.stream(token.support, `?site=${a1.siteId}`)).status).toBe(404);
  });
});

/** Four streams; events of A1, A2 and B1; each stream gets exactly what its scope and filter admit. */
async function onlyWhatEachMaySee(f: LiveFixture, open: Open): Promise<void> {
  const { a1, a2, b1 } = f.world;
  const support = await open('support', `?site=${a1.siteId}`);
  const owner = await open('owner');
  const installer = await open('installer');
  const foreign = await open('foreign');

  await f.publishAlarm(a2, 'A2 alarm');
  await f.publishTelemetry(a2, 20);
  await f.publishAlarm(b1, 'B1 alarm');
  await f.publishTelemetry(b1, 30);
  await installer.waitFor(isEvent('alarm', a2));
  await installer.waitFor(isEvent('telemetry', a2));
  await foreign.waitFor(isEvent('alarm', b1));
  await foreign.waitFor(isEvent('telemetry', b1));

  await f.publishTelemetry(a1, 61);
  await f.publishAlarm(a1, 'A1 alarm');
  for (const stream of [support, owner]) {
    const telemetry = await stream.waitFor(isEvent('telemetry', a1));
    expect(telemetry.data).toMatchObject({ stringId: a1.stringId, gatewayId: a1.gatewayId });
    expect(telemetry.data.samples.map((s: { socPct: number }) => s.socPct)).toEqual([61]);
    const alarm = await stream.waitFor(isEvent('alarm', a1));
    expect(alarm.data).toMatchObject({ schema: 'alarm.evt/1', title: 'A1 alarm', stringId: a1.stringId });
    expect(sitesOf(stream)).toEqual([`alarm@${a1.siteId}`, `telemetry@${a1.siteId}`]);
  }
  await f.publishAlarm(b1, 'B1 marker');
  await foreign.waitFor(isEvent('alarm', b1, 'B1 marker'));
  expect(sitesOf(foreign)).toEqual([`alarm@${b1.siteId}`, `alarm@${b1.siteId}`, `telemetry@${b1.siteId}`]);
  expect(sitesOf(installer)).toContain(`telemetry@${a1.siteId}`);
  for (const stream of [support, owner, installer, foreign]) {
    stream.close();
  }
}
