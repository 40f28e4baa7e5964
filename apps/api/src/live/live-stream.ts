import { type Principal, scopeAdmits } from '@fleet/db';
import { READERS } from '../access/roles.js';
import type { SitePlace } from './live-directory.js';
import type { LiveEvent } from './live-event.js';
import { sseComment, sseEvent } from './sse-frame.js';

/** Where a stream writes: the HTTP response, as far as a stream needs it. */
export interface StreamSink {
  write(chunk: string): boolean;
  end(): void;
  readonly writableLength: number;
}

export interface LiveStreamOptions {
  principal: Principal;
  /** `?site=`; null streams every site in scope. */
  site: string | null;
  /** `?string=`; empty streams every string. */
  strings: readonly string[];
  /** The sites the request named (the site, the strings' sites): all must stay in scope. */
  requestedSites: readonly SitePlace[];
  /** When the stream's session token was issued (ms): a password reset after it ends the stream. */
  sessionIssuedAtMs?: number;
  /** Reads the caller again (AccessRepository.principalOf). */
  resolve(userId: string): Promise<Principal | null>;
  sink: StreamSink;
  onClosed(): void;
  timing?: Partial<LiveTiming>;
  now?: () => number;
}

export interface LiveTiming {
  heartbeatMs: number;
  /** Look at the caller again this often even when nothing said access changed. */
  safetyMs: number;
  /** After a grant's expiry, so the database agrees it has passed. */
  expiryMarginMs: number;
  /** Events held while access is being looked at again; beyond this the oldest are dropped. */
  maxHeld: number;
  /** A client this far behind is cut off instead of buffered without end. */
  maxBufferedBytes: number;
}

const DEFAULT_TIMING: LiveTiming = {
  heartbeatMs: 15_000,
  safetyMs: 60_000,
  expiryMarginMs: 20,
  maxHeld: 1_000,
  maxBufferedBytes: 1 << 20,
};

/**
 * One open `GET /api/stream`: the caller's principal, kept current, and the filter it implies.
 * The principal is read again when a grant in it expires (timer), when `fleet_access` says access
 * changed, and every `safetyMs`. While a new read is under way, events are held, not sent, so a
 * revoke counts from its notification on and an expiry from its instant on. When a site the
 * request named leaves the scope, the scope is empty or the user is gone, the stream sends
 * `revoked` and ends.
 */
export class LiveStream {
  private principal: Principal;
  private readonly timing: LiveTiming;
  private readonly now: () => number;
  private held: LiveEvent[] | undefined;
  private refreshing = false;
  private again = false;
  private closed = false;
  private checkTimer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(private readonly options: LiveStreamOptions) {
    this.principal = options.principal;
    this.timing = { ...DEFAULT_TIMING, ...options.timing };
    this.now = options.now ?? Date.now;
  }

  get userId(): string {
    return this.principal.userId;
  }

  get orgId(): string {
    return this.principal.orgId;
  }

  /** Sends the first events and starts the heartbeat and the access checks. */
  start(first: readonly string[]): void {
    for (const chunk of first) {
      this.write(chunk);
    }
    this.heartbeat = setInterval(() => this.write(sseComment('heartbeat')), this.timing.heartbeatMs);
    this.heartbeat.unref();
    this.scheduleCheck();
  }

  /** The hub's events: sent when the current scope and the request's filter admit them. */
  deliver(event: LiveEvent): void {
    if (this.closed) {
      return;
    }
    if (this.held === undefined && this.expired()) {
      this.accessChanged();
    }
    if (this.held !== undefined) {
      this.held.push(event);
      if (this.held.length > this.timing.maxHeld) {
        this.held.shift();
      }
      return;
    }
    this.send(event);
  }

  /** Access may have changed: hold events and read the caller again. */
  accessChanged(): void {
    if (this.closed) {
      return;
    }
    this.held ??= [];
    void this.refresh();
  }

  /** The client went away or the server shuts down. */
  close(): void {
    if (this.closed) {
      return;
    }
    this.closed = true;
    clearTimeout(this.checkTimer);
    clearInterval(this.heartbeat);
    this.held = undefined;
    this.options.sink.end();
    this.options.onClosed();
  }

  /** Whether the current scope and the request's site filter admit events of this site. */
  wants(site: { id: string; tenantId: string }): boolean {
    const requested = this.options.site;
    return (
      !this.closed && scopeAdmits(this.principal.scope, site) && (requested === null || site.id === requested)
    );
  }

  private send(event: LiveEvent): void {
    const { strings } = this.options;
    const admitted =
      this.wants({ id: event.siteId, tenantId: event.tenantId }) &&
      (strings.length === 0 || (event.stringId !== null && strings.includes(event.stringId)));
    if (admitted) {
      this.write(sseEvent(event.type, event.data));
    }
  }

  private async refresh(): Promise<void> {
    if (this.refreshing) {
      this.again = true;
      return;
    }
    this.refreshing = true;
    try {
      do {
        this.again = false;
        const principal = await this.options.resolve(this.principal.userId);
        if (this.closed) {
          return;
        }
        const denial = this.denialOf(principal);
        if (denial !== null) {
          this.end('revoked', { reason: denial });
          return;
        }
        this.principal = principal!;
      } while (this.again);
    } catch {
      // Access cannot be confirmed: fail closed; the client may reconnect and be checked afresh.
      this.end('info', { message: 'access could not be checked; the stream ends, reconnect to resume' });
      return;
    } finally {
      this.refreshing = false;
    }
    this.release();
    this.scheduleCheck();
  }

  /** Why the stream may not go on, or null. */
  private denialOf(principal: Principal | null): string | null {
    if (principal === null) {
      return 'user no longer exists';
    }
    const issued = this.options.sessionIssuedAtMs;
    if (
      issued !== undefined &&
      principal.sessionsValidAfter &&
      issued < principal.sessionsValidAfter.getTime()
    ) {
      return 'session ended by a password reset';
    }
    if (!READERS.includes(principal.role)) {
      return 'role may no longer read';
    }
    const lost = this.options.requestedSites.some((s) => !scopeAdmits(principal.scope, s));
    if (lost) {
      return 'access to the requested site ended';
    }
    if (principal.scope.orgId === null && principal.scope.siteIds.length === 0) {
      return 'no site left in scope';
    }
    return null;
  }

  private release(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const event of held) {
      this.send(event);
    }
  }

  private expired(): boolean {
    const at = this.principal.scopeChangesAt;
    return at !== null && this.now() >= at.getTime();
  }

  private scheduleCheck(): void {
    clearTimeout(this.checkTimer);
    if (this.closed) {
      return;
    }
    const at = this.principal.scopeChangesAt;
    const untilExpiry = at === null ? Infinity : at.getTime() - this.now() + this.timing.expiryMarginMs;
    const delay = Math.max(0, Math.min(this.timing.safetyMs, untilExpiry));
    this.checkTimer = setTimeout(() => this.accessChanged(), delay);
    this.checkTimer.unref();
  }

  private end(event: string, data: unknown): void {
    this.write(sseEvent(event, data));
    this.close();
  }

  private write(chunk: string): void {
    if (this.closed) {
      return;
    }
    const { sink } = this.options;
    if (sink.writableLength > this.timing.maxBufferedBytes) {
      // The client does not read; buffering for it without end would eat the server's memory.
      this.close();
      return;
    }
    sink.write(chunk);
  }
}
