import { testDatabaseTargets } from '@fleet/db/testing';
import { describe, expect, it } from 'vitest';
import { useApiFixture } from '../support/api-fixture.js';
import { seedLiveWorld } from './live-world.js';
import { SseClient } from './sse-client.js';

const targets = await testDatabaseTargets();

describe.each(targets)('live stream of an api without NATS on $name', (target) => {
  const api = useApiFixture(target, (prisma) => seedLiveWorld(prisma));

  it('still opens, says once that live events are unavailable, and still ends on a revoke', async () => {
    const { a1 } = api.seed;
    const token = await api.login(api.seed.users.support);
    const stream = await SseClient.request((signal) =>
      api.fetch(`/stream?site=${a1.siteId}`, { headers: { authorization: `Bearer ${token}` }, signal }),
    );
    expect(stream.status).toBe(200);
    expect((await stream.waitFor((e) => e.event === 'ready')).data).toEqual({
      live: false,
      site: a1.siteId,
      strings: [],
    });
    const info = await stream.waitFor((e) => e.event === 'info');
    expect(info.data.message).toMatch(/without NATS/);
    const installer = await api.login(api.seed.users.installer);
    const revoke = await api.fetch(`/support-grants/${api.seed.grantId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${installer}` },
    });
    expect(revoke.status).toBe(200);
    expect((await stream.waitFor((e) => e.event === 'revoked')).data.reason).toBe(
      'access to the requested site ended',
    );
    await stream.ended;
    expect(stream.ofKind('info')).toHaveLength(1);
  });
});
