import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isPrivateAddress } from './private-address.js';

/**
 * Keeps webhooks off the cloud's own network (server-side request forgery): a tenant could
 * otherwise point a channel at the metadata service or an internal port and read the answer in
 * the delivery log. `allowPrivate` (NOTIFY_WEBHOOK_PRIVATE=allow) is for tests and on-premises
 * installs whose receivers live on a private network.
 */
export class WebhookHostGuard {
  constructor(
    private readonly allowPrivate: boolean,
    private readonly resolve: (host: string) => Promise<string[]> = resolveAll,
  ) {}

  /** Why the URL's literal host is refused, or null; for validating a channel when it is saved. */
  literalProblem(url: string): string | null {
    if (this.allowPrivate) {
      return null;
    }
    const host = hostOf(url);
    if (host === null) {
      return 'not a URL';
    }
    if (host === 'localhost' || host.endsWith('.localhost') || (isIP(host) !== 0 && isPrivateAddress(host))) {
      return `host ${host} is a private or loopback address`;
    }
    return null;
  }

  /** Why the URL is refused now (its host resolves to a private address), or null; checked before each send. */
  async problem(url: string): Promise<string | null> {
    const literal = this.literalProblem(url);
    if (literal !== null || this.allowPrivate) {
      return literal;
    }
    const host = hostOf(url) as string;
    const addresses = isIP(host) !== 0 ? [host] : await this.resolve(host).catch(() => []);
    const bad = addresses.find(isPrivateAddress);
    return bad === undefined ? null : `host ${host} resolves to private address ${bad}`;
  }
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return null;
  }
}

async function resolveAll(host: string): Promise<string[]> {
  return (await lookup(host, { all: true })).map((a) => a.address);
}
