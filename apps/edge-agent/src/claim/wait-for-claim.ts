// Polls POST /api/enrolment/poll until an installer claimed this gateway's code. Shared by
// `fleet-agent-claim enrol` and the agent enrolling itself (--enrol-api). Network errors and
// refusals are retried; a revoked key (403) ends the wait, it will never be claimed again.
import type { Logger } from '../logger.js';
import { type PollAnswer, PollRefusedError, pollOnce } from './enrolment-client.js';
import type { GatewayIdentity } from './gateway-identity.js';

export type ClaimedAnswer = Extract<PollAnswer, { status: 'claimed' }>;

export interface WaitForClaimOptions {
  apiUrl: string;
  pollS: number;
  identity: GatewayIdentity;
  logger: Logger;
  signal?: AbortSignal;
}

export async function waitForClaim(
  opts: WaitForClaimOptions,
): Promise<ClaimedAnswer | 'revoked' | 'aborted'> {
  const { signal, logger } = opts;
  while (!signal?.aborted) {
    let waitS = opts.pollS;
    try {
      const answer = await pollOnce(opts.apiUrl, opts.identity);
      if (answer.status === 'claimed') {
        return answer;
      }
    } catch (error) {
      const refused = error instanceof PollRefusedError ? error : undefined;
      if (refused?.status === 403) {
        logger.error(
          { err: refused.message },
          'this key was revoked: the gateway must be claimed anew with a new key',
        );
        return 'revoked';
      }
      logger.warn({ err: (error as Error).message }, 'enrolment poll failed; trying again');
      // Rate limited: ask again when the API says, not before (sooner only earns more 429s).
      waitS = refused?.retryAfterS ?? opts.pollS;
    }
    await sleep(waitS * 1000, signal);
  }
  return 'aborted';
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
