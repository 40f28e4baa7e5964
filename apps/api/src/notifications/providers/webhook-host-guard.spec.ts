import { describe, expect, it } from 'vitest';
import { isPrivateAddress } from './private-address.js';
import { WebhookHostGuard } from './webhook-host-guard.js';

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
  ])('refuses %s', (ip) => {
    expect(isPrivateAddress(ip)).toBe(true);
  });

  it.each(['8.8.8.8', '172.32.0.1', '192.169.0.1', '100.128.0.1', '2001:4860:4860::8888', '::ffff:8.8.8.8'])(
    'admits %s',
    (ip) => {
      expect(isPrivateAddress(ip)).toBe(false);
    },
  );
});

describe('WebhookHostGuard', () => {
  const resolver = (table: Record<string, string[]>) => async (host: string) => table[host] ?? [];

  it('refuses literal private hosts when saving and names the host', () => {
    const guard = new WebhookHostGuard(false);
    expect(guard.literalProblem('http://127.0.0.1:8080/hook')).toContain('127.0.0.1');
    expect(guard.literalProblem('http://[::1]/hook')).toContain('::1');
    expect(guard.literalProblem('http://localhost/hook')).toContain('localhost');
    expect(guard.literalProblem('https://hooks.slack.com/x')).toBeNull();
  });

  it('refuses a name that resolves to a private address at send time', async () => {
    const guard = new WebhookHostGuard(
      false,
      resolver({ 'evil.example': ['93.184.216.34', '10.0.0.5'], 'ok.example': ['93.184.216.34'] }),
    );
    expect(await guard.problem('https://evil.example/hook')).toBe(
      'host evil.example resolves to private address 10.0.0.5',
    );
    expect(await guard.problem('https://ok.example/hook')).toBeNull();
  });

  it('admits everything when private receivers are allowed', async () => {
    const guard = new WebhookHostGuard(true, resolver({ 'x.example': ['10.0.0.1'] }));
    expect(guard.literalProblem('http://127.0.0.1/hook')).toBeNull();
    expect(await guard.problem('https://x.example/hook')).toBeNull();
  });
});
