// The kit's process handling and private nats-server against real processes (node, nats-server).
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './free-port.js';
import { startPrivateNats } from './private-nats.js';
import { run, startProcess } from './processes.js';
import { waitFor } from './wait-for.js';

describe('startProcess', () => {
  it('keeps stdout and stderr and resolves `exited` with the exit code', async () => {
    const p = startProcess('node', process.execPath, [
      '-e',
      'console.log("to stdout"); console.error("to stderr"); process.exit(3)',
    ]);
    expect(await p.exited).toBe(3);
    expect(p.output()).toContain('to stdout');
    expect(p.output()).toContain('to stderr');
  });

  it('reports a command that cannot start in its output instead of throwing', async () => {
    const p = startProcess('missing', 'no-such-command-for-test-kit', []);
    expect(await p.exited).toBe(-1);
    expect(p.output()).toContain('[spawn error]');
  });

  it('kills a process that ignores SIGTERM once the grace period is over, and waits for it', async () => {
    const p = startProcess('stubborn', process.execPath, [
      '-e',
      'process.on("SIGTERM", () => console.log("ignored")); console.log("ready"); setInterval(() => {}, 1000)',
    ]);
    await waitFor('the child to be ready', () => p.output().includes('ready'), 10_000);
    await p.stop({ graceMs: 200 });
    expect(p.child.signalCode).toBe('SIGKILL');
    expect(p.output()).toContain('ignored');
  });

  it('run rejects with the output when the command fails', async () => {
    await expect(run(process.execPath, ['-e', 'console.error("broken"); process.exit(2)'])).rejects.toThrow(
      /exited with 2:\n.*broken/s,
    );
  });
});

describe('startPrivateNats', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('creates the requested streams and removes its own store on stop', async () => {
    const nats = await startPrivateNats({ streams: [{ name: 'KIT_TEST', subjects: ['kit.test.>'] }] });
    const nc = await nats.connect();
    const info = await (await jetstreamManager(nc)).streams.info('KIT_TEST');
    await nc.close();
    expect(info.config.subjects).toEqual(['kit.test.>']);
    expect(existsSync(nats.storeDir)).toBe(true);
    await nats.stop();
    expect(existsSync(nats.storeDir)).toBe(false);
  });

  it('keeps a store it was given, so a restart on the same port and store keeps the streams', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kit-nats-'));
    dirs.push(dir);
    const port = await freePort();
    const first = await startPrivateNats({
      port,
      storeDir: join(dir, 'js'),
      streams: [{ name: 'KEPT', subjects: ['kept.>'] }],
    });
    await first.stop();
    const second = await startPrivateNats({ port, storeDir: join(dir, 'js') });
    const nc = await second.connect();
    const names: string[] = [];
    for await (const stream of (await jetstreamManager(nc)).streams.list()) {
      names.push(stream.config.name);
    }
    await nc.close();
    await second.stop();
    expect(second.url).toBe(`nats://127.0.0.1:${port}`);
    expect(names).toEqual(['KEPT']);
  });
});
