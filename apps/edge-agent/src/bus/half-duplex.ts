// One request at a time on a shared line (RS485 is half-duplex; a console answers one command
// at a time), each waiting for its answer until a timeout. The timeout runs on the injected
// Clock, so small tests step it instead of waiting.
import type { Clock } from '../clock.js';

export type WaitOutcome<T> = { status: 'answered'; value: T } | { status: 'timeout' } | { status: 'aborted' };

export class HalfDuplex {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly clock: Clock) {}

  /** Runs `exchange` after every earlier one has finished (success or not). */
  exclusive<T>(exchange: () => Promise<T>): Promise<T> {
    const run = this.tail.then(exchange, exchange);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /**
   * Calls `start(answer)` and resolves with the first value passed to `answer`, or `timeout`
   * after `timeoutMs`, or `aborted` when `signal` aborts. `answer` after that is ignored.
   */
  wait<T>(
    timeoutMs: number,
    start: (answer: (value: T) => void) => void,
    signal?: AbortSignal,
  ): Promise<WaitOutcome<T>> {
    return new Promise((resolve) => {
      const timer = new AbortController();
      let done = false;
      const finish = (outcome: WaitOutcome<T>) => {
        if (!done) {
          done = true;
          timer.abort();
          signal?.removeEventListener('abort', onAbort);
          resolve(outcome);
        }
      };
      const onAbort = () => finish({ status: 'aborted' });
      if (signal?.aborted) {
        finish({ status: 'aborted' });
        return;
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      start((value) => finish({ status: 'answered', value }));
      void this.clock.sleep(timeoutMs, timer.signal).then(() => finish({ status: 'timeout' }));
    });
  }
}

/** How long `chars` characters take on a UART at `baud` (8N1: 10 bits a character). */
export function lineTimeMs(chars: number, baud: number): number {
  return Math.ceil((chars * 10 * 1000) / baud);
}
