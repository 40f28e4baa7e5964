// RS485 ASCII V3.3 against its independent reference, the real captured frames of the protocol
// reference: the simulator gets the same requests real clients sent (R1, R2, R3), and its replies
// must parse to the same structure as the captured replies (R8, R16, R11), with checksums that
// pass a second check written here without the project's checksum code.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { decodeAnalogValues42, decodeChargeManagement92, decodeRs485Frame } from '@fleet/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, repoRoot, stopChild, waitUntil } from './stack-harness.js';

const vectors = JSON.parse(
  readFileSync(join(repoRoot, 'packages/protocol/test/fixtures/rs485-vectors.json'), 'utf8'),
) as { rs485: { id: string; frame: string }[] };
const frame = (id: string) => vectors.rs485.find((v) => v.id === id)?.frame ?? '';

/**
 * The V3.3 checks in their own words: the 16-bit sum of every character between `~` and the
 * checksum, plus the checksum, is 0 mod 65536; the four LENGTH nibbles sum to 0 mod 16; LENID
 * counts the INFO characters.
 */
function checksumsHold(text: string): boolean {
  const body = text.replace(/^~/, '').replace(/\r$/, '');
  const payload = body.slice(0, -4);
  const sum = [...payload].reduce((acc, ch) => acc + ch.charCodeAt(0), 0);
  const sumOk = (sum + Number.parseInt(body.slice(-4), 16)) % 65536 === 0;
  const lengthField = payload.slice(8, 12);
  const nibblesOk = [...lengthField].reduce((acc, ch) => acc + Number.parseInt(ch, 16), 0) % 16 === 0;
  const lenidOk = (Number.parseInt(lengthField, 16) & 0xfff) === payload.length - 12;
  return sumOk && nibblesOk && lenidOk;
}

/** The structure of a decoded value: keys, types and array lengths, no values. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) {
    return { length: value.length, items: value.length ? shape(value[0]) : null };
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, shape((value as Record<string, unknown>)[k])]),
    );
  }
  return typeof value;
}

function info(text: string): Uint8Array {
  const result = decodeRs485Frame(text);
  if (result.status !== 'ok') {
    throw new Error(`${JSON.stringify(text)}: ${result.reason} (${result.detail})`);
  }
  return result.frame.info;
}

describe('the simulator over RS485 against captured frames', () => {
  let sim: ChildProcess;
  let port: number;

  /** Sends one request over the simulator's RS485 TCP link and returns the reply frame text. */
  async function ask(request: string): Promise<string> {
    return new Promise((done, fail) => {
      const socket = createConnection({ host: '127.0.0.1', port });
      let text = '';
      socket.setTimeout(5000, () => fail(new Error(`no reply to ${request.trim()}`)));
      socket.on('data', (chunk) => {
        text += chunk.toString('latin1');
        const end = text.indexOf('\r', text.indexOf('~'));
        if (end >= 0) {
          socket.destroy();
          done(text.slice(text.indexOf('~'), end + 1));
        }
      });
      socket.on('error', fail);
      socket.write(request);
    });
  }

  beforeAll(async () => {
    port = await freePort();
    const control = await freePort();
    // Five H48050 modules: 50 Ah like the captured US2000 modules, 15 cells each.
    sim = spawn(
      process.execPath,
      [
        join(repoRoot, 'apps/simulator/dist/main.js'),
        '--rs485-tcp',
        String(port),
        '--control-port',
        String(control),
      ].concat(['--modules', '5', '--module-type', 'H48050', '--seed', '3']),
      { stdio: 'ignore' },
    );
    await waitUntil('the simulator', async () =>
      (await fetch(`http://127.0.0.1:${control}/health`)).ok ? true : undefined,
    );
  });

  afterAll(async () => {
    await stopChild(sim);
  });

  it('has a second checksum check that agrees with the captured frames', () => {
    for (const v of vectors.rs485) {
      expect(checksumsHold(v.frame), v.id).toBe(true);
    }
    expect(checksumsHold(frame('R8').replace('0D1F', '0D2F'))).toBe(false);
  });

  it('answers R1 (0x42, one module) like the captured R8', async () => {
    const reply = await ask(frame('R1'));
    expect(checksumsHold(reply)).toBe(true);
    const mine = decodeAnalogValues42(info(reply), 'single');
    const real = decodeAnalogValues42(info(frame('R8')), 'single');
    expect(mine.status).toBe('ok');
    expect(real.status).toBe('ok');
    expect(shape(mine)).toEqual(shape(real));
  });

  it('answers R2 (0x42, the whole group) like the captured R16, module by module', async () => {
    const reply = await ask(frame('R2'));
    expect(checksumsHold(reply)).toBe(true);
    const mine = decodeAnalogValues42(info(reply), 'group');
    const real = decodeAnalogValues42(info(frame('R16')), 'group');
    if (mine.status !== 'ok' || real.status !== 'ok') {
      throw new Error('group reply did not decode');
    }
    expect(mine.value.modules.length).toBe(5);
    expect(mine.value.commandValue).toBe(5);
    expect(shape(mine.value.modules[0])).toEqual(shape(real.value.modules[0]));
  });

  it('answers R3 (0x92) like the captured R11', async () => {
    const reply = await ask(frame('R3'));
    expect(checksumsHold(reply)).toBe(true);
    const mine = decodeChargeManagement92(info(reply));
    const real = decodeChargeManagement92(info(frame('R11')));
    expect(mine.status).toBe('ok');
    expect(shape(mine)).toEqual(shape(real));
  });
});
