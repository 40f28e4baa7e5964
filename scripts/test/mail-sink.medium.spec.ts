// The demo's SMTP sink (scripts/stack/mail-sink.mjs) as `npm start` runs it: a real SMTP
// conversation from nodemailer (what the api's email provider uses) ends as an .eml file.
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, repoRoot, stopChild, tempDir, waitUntil } from './stack-harness.js';

describe('the demo mail sink', () => {
  let child: ChildProcess;
  let output = '';
  let port: number;
  const dir = join(tempDir('fleet-mail-sink-'), 'mail');

  beforeAll(async () => {
    port = await freePort();
    child = spawn(process.execPath, [join(repoRoot, 'scripts/stack/mail-sink.mjs'), String(port), dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (c: Buffer) => {
      output += c.toString();
    });
    await waitUntil(
      'the sink listening',
      async () => (output.includes('listening') ? true : undefined),
      20_000,
    );
  });

  afterAll(async () => {
    await stopChild(child);
  });

  it('writes each message to <dir>/*.eml with its envelope recipients', async () => {
    const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    await transport.sendMail({
      from: 'alarms@fleet.test',
      to: 'installer@demo.test',
      bcc: 'oncall@demo.test',
      subject: '[CRITICAL] Relay check error — fired',
      text: 'What it means: the relay check failed.',
    });
    await transport.sendMail({ from: 'alarms@fleet.test', to: 'b@demo.test', subject: 'second', text: 'x' });
    const files = await waitUntil('two mails on disk', async () => {
      const names = readdirSync(dir).filter((n) => n.endsWith('.eml'));
      return names.length === 2 ? names.sort() : undefined;
    });
    const first = files
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .find((m) => m.includes('X-Envelope-To: installer@'))!;
    expect(first).toMatch(/^X-Envelope-To: installer@demo\.test, oncall@demo\.test\r\n/);
    expect(first).toContain('What it means: the relay check failed.');
  });
});
