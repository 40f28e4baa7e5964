import { describe, expect, it, vi } from 'vitest';
import { PROVISIONING_CHECK_PATH, provisioningHookCode } from '../src/provisioning-hook-code.js';

type Handler = (event: unknown) => Promise<{ allowProvisioning: boolean }>;

/** Loads the inline Lambda source the way the Node runtime would, with the SDK and fetch faked. */
function loadHook(fetchImpl: typeof fetch) {
  const secretReads: unknown[] = [];
  const sdk = {
    SecretsManagerClient: class {
      async send(command: { input: unknown }) {
        secretReads.push(command.input);
        return { SecretString: 'provisioning-secret' };
      }
    },
    GetSecretValueCommand: class {
      constructor(readonly input: unknown) {}
    },
  };
  const module = { exports: {} as { handler?: Handler } };
  const env = {
    API_URL: 'https://fleet.example.com/',
    API_SECRET_ARN: 'arn:aws:secretsmanager:eu:1:secret:x',
  };
  new Function('exports', 'require', 'process', 'fetch', 'console', provisioningHookCode())(
    module.exports,
    (name: string) => (name === '@aws-sdk/client-secrets-manager' ? sdk : undefined),
    { env },
    fetchImpl,
    { log: () => undefined },
  );
  return { handler: module.exports.handler!, secretReads };
}

const event = (serial: unknown) => ({ certificateId: 'cert-1', parameters: { SerialNumber: serial } });
const answering = (status: number, body: unknown) =>
  vi.fn(async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch;

describe('pre-provisioning hook', () => {
  it('allows a serial the api knows, asking with the secret from Secrets Manager (read once)', async () => {
    const fetchMock = answering(200, { allow: true });
    const { handler, secretReads } = loadHook(fetchMock);
    await expect(handler(event('gw-a'))).resolves.toEqual({ allowProvisioning: true });
    await handler(event('gw-b'));
    expect(secretReads).toEqual([{ SecretId: 'arn:aws:secretsmanager:eu:1:secret:x' }]);
    const [url, init] = vi.mocked(fetchMock).mock.calls[0]!;
    expect(url).toBe(`https://fleet.example.com${PROVISIONING_CHECK_PATH}`);
    expect(init).toMatchObject({ method: 'POST', headers: { authorization: 'Bearer provisioning-secret' } });
    expect(JSON.parse(String(init?.body))).toEqual({ gatewayId: 'gw-a', certificateId: 'cert-1' });
  });

  it('refuses when the api says no, answers an error, or is unreachable', async () => {
    for (const fetchMock of [
      answering(200, { allow: false }),
      answering(200, { allow: 'yes' }),
      answering(404, { allow: true }),
      answering(500, {}),
      vi.fn(async () => Promise.reject(new Error('ECONNREFUSED'))) as unknown as typeof fetch,
    ]) {
      await expect(loadHook(fetchMock).handler(event('gw-a'))).resolves.toEqual({ allowProvisioning: false });
    }
  });

  it('refuses a serial that is no gateway id or takes a reserved client id, without asking the api', async () => {
    const fetchMock = answering(200, { allow: true });
    const { handler } = loadHook(fetchMock);
    for (const serial of [
      undefined,
      42,
      'GW-A',
      'a',
      'gw/a',
      'ingest-bridge-0',
      'fleet-api-1',
      'provision-x',
    ]) {
      await expect(handler(event(serial)), String(serial)).resolves.toEqual({ allowProvisioning: false });
    }
    await expect(handler({})).resolves.toEqual({ allowProvisioning: false });
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
