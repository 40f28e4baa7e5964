import type { Principal } from '@fleet/db';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveEvent } from './live-event.js';
import { LiveStream, type StreamSink } from './live-stream.js';

const ORG_A = 'a0000000-0000-4000-8000-000000000001';
const DESK = 'd0000000-0000-4000-8000-000000000001';
const SITE_A1 = '51000000-0000-4000-8000-000000000001';
const SITE_A2 = '52000000-0000-4000-8000-000000000002';

const supportWith = (siteIds: string[], scopeChangesAt: Date | null = null): Principal => ({
  userId: 'u-support',
  orgId: DESK,
  orgKind: 'support_desk',
  role: 'support',
  scope: { orgId: DESK, siteIds },
  scopeChangesAt,
  sessionsValidAfter: null,
});

const alarmAt = (siteId: string, title: string, stringId: string | null = null): LiveEvent =>
  ({ type: 'alarm', tenantId: ORG_A, siteId, stringId, data: { title } }) as unknown as LiveEvent;

class FakeSink implements StreamSink {
  chunks: string[] = [];
  ended = false;
  writableLength = 0;
  write(chunk: string): boolean {
    this.chunks.push(chunk);
    return true;
  }
  end(): void {
    this.ended = true;
  }
  /** Event names and data, comments left out. */
  events(): string[] {
    return this.chunks.filter((c) => c.startsWith('event:')).map((c) => c.trim().replace('\ndata: ', ' '));
  }
}

let sink: FakeSink;
let resolve: ReturnType<typeof vi.fn<(userId: string) => Promise<Principal | null>>>;
function open(
  principal: Principal,
  site: string | null = SITE_A1,
  strings: string[] = [],
  sessionIssuedAtMs?: number,
): LiveStream {
  const stream = new LiveStream({
    principal,
    site,
    strings,
    ...(sessionIssuedAtMs === undefined ? {} : { sessionIssuedAtMs }),
    requestedSites: site ? [{ id: site, tenantId: ORG_A }] : [],
    resolve,
    sink,
    onClosed: () => undefined,
  });
  stream.start([]);
  return stream;
}

function useFakes(): void {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-12-28T10:00:00Z') });
    sink = new FakeSink();
    resolve = vi.fn<(userId: string) => Promise<Principal | null>>();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}

describe('LiveStream filters and revokes', () => {
  useFakes();

  it('sends events of sites in scope and of the requested site only', () => {
    const wide = open(supportWith([SITE_A1, SITE_A2]), SITE_A1);
    wide.deliver(alarmAt(SITE_A1, 'requested'));
    wide.deliver(alarmAt(SITE_A2, 'in scope, not requested'));
    const mine = sink.events();
    sink = new FakeSink();
    const narrow = open(supportWith([SITE_A1]), null);
    narrow.deliver(alarmAt(SITE_A1, 'granted'));
    narrow.deliver(alarmAt(SITE_A2, 'not granted'));
    expect([mine, sink.events()]).toEqual([
      ['event: alarm {"title":"requested"}'],
      ['event: alarm {"title":"granted"}'],
    ]);
  });

  it('sends only the requested strings when ?string= names some', () => {
    const stream = open(supportWith([SITE_A1]), null, ['string-1']);
    stream.deliver(alarmAt(SITE_A1, 'string 1', 'string-1'));
    stream.deliver(alarmAt(SITE_A1, 'string 2', 'string-2'));
    stream.deliver(alarmAt(SITE_A1, 'site level', null));
    expect(sink.events()).toEqual(['event: alarm {"title":"string 1"}']);
  });

  it('holds events while access is read again, then ends with revoked and sends none of them', async () => {
    let answer: (p: Principal | null) => void = () => undefined;
    resolve.mockReturnValue(new Promise((r) => (answer = r)));
    const stream = open(supportWith([SITE_A1]));
    stream.accessChanged();
    stream.deliver(alarmAt(SITE_A1, 'after the revoke'));
    expect(sink.events()).toEqual([]);
    answer(supportWith([]));
    await vi.waitFor(() => expect(sink.ended).toBe(true));
    expect(sink.events()).toEqual(['event: revoked {"reason":"access to the requested site ended"}']);
  });

  it('sends the held events once access is confirmed', async () => {
    resolve.mockResolvedValue(supportWith([SITE_A1]));
    const stream = open(supportWith([SITE_A1]));
    stream.accessChanged();
    stream.deliver(alarmAt(SITE_A1, 'held'));
    await vi.waitFor(() => expect(sink.events()).toEqual(['event: alarm {"title":"held"}']));
    expect(sink.ended).toBe(false);
  });
});

describe('LiveStream timers', () => {
  useFakes();

  it('reads access again when a grant expires, without being told', async () => {
    resolve.mockResolvedValue(supportWith([]));
    open(supportWith([SITE_A1], new Date('2026-12-28T10:00:02Z')));
    await vi.advanceTimersByTimeAsync(1_999);
    expect(resolve).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(100);
    expect(resolve).toHaveBeenCalledWith('u-support');
    expect(sink.events()).toEqual(['event: revoked {"reason":"access to the requested site ended"}']);
  });

  it('holds an event that arrives after the expiry instant even before the timer ran', () => {
    resolve.mockReturnValue(new Promise(() => undefined));
    const stream = open(supportWith([SITE_A1], new Date('2026-12-28T10:00:02Z')));
    vi.setSystemTime(new Date('2026-12-28T10:00:02.001Z'));
    stream.deliver(alarmAt(SITE_A1, 'too late'));
    expect(sink.events()).toEqual([]);
    expect(resolve).toHaveBeenCalledTimes(1);
  });

  it('looks again every minute as a safety net and ends when the user is gone', async () => {
    resolve.mockResolvedValueOnce(supportWith([SITE_A1])).mockResolvedValueOnce(null);
    open(supportWith([SITE_A1]));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sink.ended).toBe(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sink.events()).toEqual(['event: revoked {"reason":"user no longer exists"}']);
  });

  it('ends a stream whose session a password reset voided, and keeps one opened after it', async () => {
    const issued = Date.parse('2026-12-28T09:00:00Z');
    const reset = { ...supportWith([SITE_A1]), sessionsValidAfter: new Date('2026-12-28T09:30:00Z') };
    resolve.mockResolvedValue(reset);
    const old = open(supportWith([SITE_A1]), SITE_A1, [], issued);
    old.accessChanged();
    await vi.waitFor(() => expect(sink.ended).toBe(true));
    expect(sink.events()).toEqual(['event: revoked {"reason":"session ended by a password reset"}']);

    sink = new FakeSink();
    const fresh = open(supportWith([SITE_A1]), SITE_A1, [], Date.parse('2026-12-28T09:45:00Z'));
    fresh.accessChanged();
    await vi.advanceTimersByTimeAsync(10);
    expect(sink.ended).toBe(false);
  });

  it('ends a stream whose scope became empty even without a requested site', async () => {
    resolve.mockResolvedValue({ ...supportWith([]), scope: { orgId: null, siteIds: [] } });
    const stream = open(supportWith([SITE_A1]), null);
    stream.accessChanged();
    await vi.waitFor(() => expect(sink.ended).toBe(true));
    expect(sink.events()).toEqual(['event: revoked {"reason":"no site left in scope"}']);
  });

  it('fails closed when access cannot be read', async () => {
    resolve.mockRejectedValue(new Error('database down'));
    const stream = open(supportWith([SITE_A1]));
    stream.accessChanged();
    await vi.waitFor(() => expect(sink.ended).toBe(true));
    expect(sink.events()[0]).toMatch(/^event: info .*could not be checked/);
  });

  it('writes a heartbeat comment every 15 s', async () => {
    open(supportWith([SITE_A1]));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(sink.chunks.filter((c) => c.startsWith(':'))).toEqual([': heartbeat\n\n', ': heartbeat\n\n']);
  });
});
