import { execFileSync } from 'node:child_process';
import { createECDH, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { decodeJwt, importJWK, jwtVerify } from 'jose';

// http_ece (RFC 8188) ships no types; its decrypt is all the test needs.
const ece = createRequire(import.meta.url)('http_ece') as {
  decrypt(buffer: Buffer, params: { version: string; privateKey: unknown; authSecret: string }): Buffer;
};

export interface PushCall {
  path: string;
  /** The VAPID JWT verified with the `k=` key, and its claims. */
  vapidValid: boolean;
  vapidAudience: string | undefined;
  vapidKey: string | undefined;
  contentEncoding: string | undefined;
  /** The payload decrypted with the subscription's private key and auth secret. */
  payload: unknown;
}

/**
 * A local push service over HTTPS (self-signed certificate; the api child trusts it through
 * NODE_EXTRA_CA_CERTS). Each subscription it hands out has its own P-256 key pair and auth
 * secret, like a browser's, so the encrypted body can be decrypted and compared.
 */
export class PushService {
  readonly calls: PushCall[] = [];
  private server: Server | undefined;
  private port = 0;
  readonly certFile: string;
  private readonly keyFile: string;
  private readonly subscriptions = new Map<string, { ecdh: ReturnType<typeof createECDH>; auth: string }>();
  /** Endpoints (paths) that answer 410 Gone, as for a browser that unsubscribed. */
  readonly gone = new Set<string>();

  constructor(dir: string) {
    this.certFile = resolve(dir, 'push-cert.pem');
    this.keyFile = resolve(dir, 'push-key.pem');
    execFileSync(
      'openssl',
      [
        ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
        ...['-keyout', this.keyFile, '-out', this.certFile, '-days', '2', '-subj', '/CN=127.0.0.1'],
        ...['-addext', 'subjectAltName=IP:127.0.0.1'],
      ],
      { stdio: 'ignore' },
    );
  }

  async start(): Promise<void> {
    this.server = createServer(
      { cert: readFileSync(this.certFile), key: readFileSync(this.keyFile) },
      (req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          void this.record(req.url ?? '', req.headers, Buffer.concat(chunks)).then((status) =>
            res.writeHead(status).end(),
          );
        });
      },
    );
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    this.server?.close();
  }

  get origin(): string {
    return `https://127.0.0.1:${this.port}`;
  }

  /** A browser-like PushSubscription JSON for a new endpoint. */
  subscription(): { endpoint: string; keys: { p256dh: string; auth: string } } {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const auth = randomBytes(16).toString('base64url');
    const path = `/push/${randomBytes(6).toString('hex')}`;
    this.subscriptions.set(path, { ecdh, auth });
    return {
      endpoint: `${this.origin}${path}`,
      keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth },
    };
  }

  private async record(
    path: string,
    headers: Record<string, string | string[] | undefined>,
    body: Buffer,
  ): Promise<number> {
    const authz = String(headers.authorization ?? '');
    const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authz);
    let vapidValid = false;
    let vapidAudience: string | undefined;
    if (match) {
      const raw = Buffer.from(match[2]!, 'base64url');
      const key = await importJWK(
        {
          kty: 'EC',
          crv: 'P-256',
          x: raw.subarray(1, 33).toString('base64url'),
          y: raw.subarray(33, 65).toString('base64url'),
        },
        'ES256',
      );
      vapidValid = await jwtVerify(match[1]!, key).then(
        () => true,
        () => false,
      );
      vapidAudience = decodeJwt(match[1]!).aud as string | undefined;
    }
    const sub = this.subscriptions.get(path);
    let payload: unknown = null;
    if (sub) {
      try {
        payload = JSON.parse(
          ece
            .decrypt(body, { version: 'aes128gcm', privateKey: sub.ecdh, authSecret: sub.auth })
            .toString('utf8'),
        );
      } catch {
        payload = null;
      }
    }
    this.calls.push({
      path,
      vapidValid,
      vapidAudience,
      vapidKey: match?.[2],
      contentEncoding: headers['content-encoding'] as string | undefined,
      payload,
    });
    return this.gone.has(path) ? 410 : 201;
  }
}
