/** One server-sent event as a test sees it. */
export interface SseEvent {
  event: string;
  // biome-ignore lint/suspicious/noExplicitAny: event bodies are checked by the tests' assertions
  data: any;
}

/**
 * Reads a `text/event-stream` response into events. `waitFor` waits for an event matching a
 * predicate; `ended` resolves when the server closed the stream (or the test did). Waiting is bounded by the test's own timeout, not by a clock here.
 */
export class SseClient {
  readonly seen: SseEvent[] = [];
  readonly ended: Promise<void>;
  private waiters: (() => void)[] = [];
  private done = false;

  private constructor(
    readonly status: number,
    body: ReadableStream<Uint8Array> | null,
    private readonly abort: AbortController,
  ) {
    this.ended = this.pump(body);
  }

  static open(url: string, token: string): Promise<SseClient> {
    return SseClient.request((signal) =>
      fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal }),
    );
  }

  /** A stream from any fetch that honours the signal (close() aborts it). */
  static async request(send: (signal: AbortSignal) => Promise<Response>): Promise<SseClient> {
    const abort = new AbortController();
    const response = await send(abort.signal);
    if (response.status !== 200) {
      await response.text();
    }
    return new SseClient(response.status, response.status === 200 ? response.body : null, abort);
  }

  /** The first event seen (now or later) for which `match` holds; taking it leaves it in `seen`. */
  async waitFor(match: (e: SseEvent) => boolean): Promise<SseEvent> {
    for (;;) {
      const found = this.seen.find(match);
      if (found) {
        return found;
      }
      if (this.done) {
        throw new Error(`stream ended; events seen: ${this.seen.map((e) => e.event).join(', ')}`);
      }
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
      });
    }
  }

  /** Every event seen so far of these kinds. */
  ofKind(...kinds: string[]): SseEvent[] {
    return this.seen.filter((e) => kinds.includes(e.event));
  }

  close(): void {
    this.abort.abort();
  }

  private async pump(body: ReadableStream<Uint8Array> | null): Promise<void> {
    let buffer = '';
    const decoder = new TextDecoder();
    try {
      const reader = body?.getReader();
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) {
          break;
        }
        buffer += decoder.decode(chunk.value, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          this.take(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // Aborted by close(): the stream simply ends.
    } finally {
      this.done = true;
      this.wakeAll();
    }
  }

  private wakeAll(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) {
      wake();
    }
  }

  private take(frame: string): void {
    const fields = new Map<string, string>();
    for (const line of frame.split('\n')) {
      if (line.startsWith(':')) {
        continue;
      }
      const colon = line.indexOf(':');
      fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
    }
    const event = fields.get('event');
    if (event !== undefined) {
      this.seen.push({ event, data: JSON.parse(fields.get('data') ?? 'null') });
      this.wakeAll();
    }
  }
}
