import type { ServerResponse } from 'node:http';
import { AccessRepository, type AccessScope, scopeAdmits } from '@fleet/db';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import type { AuthContext } from '../logging/api-request.js';
import { LOGGER, type Logger } from '../logging/root-logger.js';
import { changeConcerns } from './access-change.js';
import { AccessListener } from './access-listener.js';
import type { StreamQuery } from './live.dto.js';
import { LiveDirectory, type SitePlace } from './live-directory.js';
import { LiveHub } from './live-hub.js';
import { LiveStream } from './live-stream.js';
import { sseEvent } from './sse-frame.js';

/** How long opening a stream waits for NATS and LISTEN before it goes on without them. */
const READY_TIMEOUT_MS = 5_000;

const NOT_FOUND = 'not found';

/**
 * Opens live streams: checks what the request names against the caller's scope (404 like any
 * other read of a foreign id), waits until the hub and the access listener run, reads the caller
 * once more (a revoke between the guard and LISTEN would otherwise go unnoticed until the safety
 * check), and wires the stream to both.
 */
@Injectable()
export class LiveService implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly streams = new Set<LiveStream>();
  /** How long the next open waits for each; 0 after a wait timed out, until it answers again. */
  private readonly patience = { hub: READY_TIMEOUT_MS, listener: READY_TIMEOUT_MS };

  constructor(
    @Inject(LiveHub) private readonly hub: LiveHub,
    @Inject(AccessListener) private readonly listener: AccessListener,
    @Inject(LiveDirectory) private readonly directory: LiveDirectory,
    @Inject(AccessRepository) private readonly access: AccessRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async open(auth: AuthContext, query: StreamQuery, res: ServerResponse): Promise<void> {
    const strings = query.string ?? [];
    const requested = await this.requestedSites(auth.scope, query.site ?? null, strings);
    const [hubReady, listening] = await Promise.all([
      this.awaitReady('hub', this.hub.ready()),
      this.awaitReady('listener', this.listener.ready()),
    ]);
    if (!listening) {
      this.logger.warn('live stream opened without access notifications; expiry and safety checks only');
    }
    const principal = await this.access.principalOf(auth.userId);
    if (!principal || requested.some((site) => !scopeAdmits(principal.scope, site))) {
      throw new AppError('NOT_FOUND', NOT_FOUND);
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // Proxies (nginx) would otherwise buffer the stream.
      'x-accel-buffering': 'no',
    });
    res.flushHeaders();
    const detach: (() => void)[] = [];
    const stream = new LiveStream({
      principal,
      site: query.site ?? null,
      strings,
      requestedSites: requested,
      ...(auth.sessionIssuedAtMs === undefined ? {} : { sessionIssuedAtMs: auth.sessionIssuedAtMs }),
      resolve: (userId) => this.access.principalOf(userId),
      sink: res,
      onClosed: () => {
        for (const undo of detach) {
          undo();
        }
        this.streams.delete(stream);
      },
    });
    this.streams.add(stream);
    detach.push(
      this.hub.listen(stream),
      this.listener.onChange((change) => {
        if (changeConcerns(change, stream)) {
          stream.accessChanged();
        }
      }),
    );
    res.once('close', () => stream.close());
    stream.start(this.firstEvents(query, hubReady));
    if (res.destroyed) {
      // The client left while the stream was being set up; 'close' has already fired.
      stream.close();
    }
  }

  /** Ends every stream before the HTTP server closes (it would wait for them for ever). */
  beforeApplicationShutdown(): void {
    for (const stream of [...this.streams]) {
      stream.close();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.hub.close(), this.listener.close()]);
  }

  /** Waits for a dependency, but only once in a row when it does not answer: a down NATS must not slow every open. */
  private async awaitReady(which: keyof LiveService['patience'], ready: Promise<void>): Promise<boolean> {
    const ok = await settlesWithin(ready, this.patience[which]);
    this.patience[which] = ok ? READY_TIMEOUT_MS : 0;
    return ok;
  }

  private firstEvents(query: StreamQuery, hubReady: boolean): string[] {
    const live = this.hub.enabled && hubReady;
    const ready = sseEvent('ready', { live, site: query.site ?? null, strings: query.string ?? [] });
    if (live) {
      return [ready];
    }
    const message = this.hub.enabled
      ? 'live events are not connected yet; they start when NATS answers'
      : 'this API runs without NATS: no live telemetry or alarms, heartbeats only';
    return [ready, sseEvent('info', { message })];
  }

  /** The sites the request names, each in the caller's scope, or NOT_FOUND. */
  private async requestedSites(
    scope: AccessScope,
    site: string | null,
    strings: string[],
  ): Promise<SitePlace[]> {
    const places = new Map<string, SitePlace>();
    if (site !== null) {
      const place = await this.directory.site(site);
      if (!place || !scopeAdmits(scope, place)) {
        throw new AppError('NOT_FOUND', NOT_FOUND);
      }
      places.set(place.id, place);
    }
    for (const id of strings) {
      const place = await this.directory.string(id);
      if (!place || !scopeAdmits(scope, { id: place.siteId, tenantId: place.tenantId })) {
        throw new AppError('NOT_FOUND', NOT_FOUND);
      }
      if (site !== null && place.siteId !== site) {
        throw new AppError('VALIDATION_FAILED', `string: ${id} is not at site ${site}`);
      }
      places.set(place.siteId, { id: place.siteId, tenantId: place.tenantId });
    }
    return [...places.values()];
  }
}

/** Whether the promise fulfils within `ms` (a rejection or the timeout is false; it runs on). */
function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  return Promise.race([
    promise.then(
      () => true,
      () => false,
    ),
    timeout,
  ]).finally(() => clearTimeout(timer));
}
