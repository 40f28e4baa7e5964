// npm run bench:agent-memory [-- --seconds 60] — RSS of the agent as shipped (the x64/arm64
// bundle for this machine, run with plain node) reading 8 strings of 15 modules behind one
// MBMS1000 (simulator over a socat pty) with the live plan and publishing to a private JetStream, sampled every
// 500 ms from /proc. Beside it, in the same run, the RSS of a bare idle node process.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { arch, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, type RunningProcess, startProcess, startTs, stopProcess, waitFor } from '@fleet/test-kit';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { buildBundle } from '../packaging/build-bundle.js';

const GOAL_MB = 80;
const GATEWAY = 'gw-bench-memory-1';

function rssMb(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

function secondsArg(): number {
  const i = process.argv.indexOf('--seconds');
  const value = i >= 0 ? Number(process.argv[i + 1]) : 60;
  if (!Number.isFinite(value) || value < 5) {
    throw new Error('--seconds must be a number >= 5');
  }
  return value;
}

async function startStack(
  dir: string,
  spawned: RunningProcess[],
): Promise<{ natsUrl: string; agentEnd: string }> {
  const natsPort = await freePort();
  const natsUrl = `nats://127.0.0.1:${natsPort}`;
  spawned.push(
    startProcess('nats-server', 'nats-server', [
      '-a',
      '127.0.0.1',
      '-p',
      String(natsPort),
      '-js',
      '-sd',
      dir,
    ]),
  );
  const nc = await waitFor('nats-server', () => connect({ servers: natsUrl }), 20_000);
  const jsm = await jetstreamManager(nc);
  await jsm.streams.add({ name: 'BENCH_MEMORY', subjects: [`bms.v1.>`], max_bytes: 256 * 1024 * 1024 });
  await nc.close();
  const simEnd = join(dir, 'sim');
  const agentEnd = join(dir, 'agent');
  spawned.push(
    startProcess('socat', '/usr/bin/socat', [
      `pty,raw,echo=0,link=${simEnd}`,
      `pty,raw,echo=0,link=${agentEnd}`,
    ]),
  );
  const controlPort = await freePort();
  spawned.push(
    startTs('simulator', 'apps/simulator/src/main.ts', [
      ...['--serial', simEnd, '--control-port', String(controlPort)],
      ...['--addresses', '0,1,2,3,4,5,6,7', '--modules', '15', '--seed', '5'],
    ]),
  );
  await waitFor(
    'the simulator',
    async () => (await fetch(`http://127.0.0.1:${controlPort}/health`)).ok,
    30_000,
  );
  return { natsUrl, agentEnd };
}

async function main(): Promise<void> {
  const seconds = secondsArg();
  const hostArch = arch();
  if (hostArch !== 'x64' && hostArch !== 'arm64') {
    throw new Error(`no bundle for ${hostArch}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'bench-agent-memory-'));
  const spawned: RunningProcess[] = [];
  try {
    const bundle = await buildBundle(hostArch, join(dir, 'bundle'));
    const { natsUrl, agentEnd } = await startStack(dir, spawned);
    const baseline = startProcess('baseline', process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    spawned.push(baseline);
    const agent = startProcess('agent', process.execPath, [
      join(bundle.dir, 'agent.js'),
      ...['--gateway-id', GATEWAY, '--slcan', agentEnd, '--nats-url', natsUrl],
      ...['--spool', join(dir, 'spool.db'), '--log-level', 'warn', '--status-port', '0'],
      // The live plan sends every reading of every string with each poll: the busiest the
      // agent gets, so the memory goal holds with room for the production plan's batching.
      ...['--plan', 'live'],
    ]);
    spawned.push(agent);
    const agentPid = agent.child.pid ?? 0;
    const baselinePid = baseline.child.pid ?? 0;
    let agentMax = 0;
    let baselineMax = 0;
    const until = Date.now() + seconds * 1000;
    while (Date.now() < until) {
      await new Promise((r) => setTimeout(r, 500));
      const a = rssMb(agentPid);
      if (a === undefined) {
        throw new Error(`the agent exited:\n${agent.output()}`);
      }
      agentMax = Math.max(agentMax, a);
      baselineMax = Math.max(baselineMax, rssMb(baselinePid) ?? 0);
    }
    const agentLast = rssMb(agentPid) ?? 0;
    const { messages: published, strings } = await countMessages(natsUrl);
    process.stdout.write(
      `agent (bundle, 8 strings x 15 modules, ${seconds} s): max RSS ${agentMax.toFixed(1)} MB, ` +
        `last ${agentLast.toFixed(1)} MB; bare node: ${baselineMax.toFixed(1)} MB; goal < ${GOAL_MB} MB\n` +
        `envelopes in JetStream: ${published}, strings in the last one: ${strings}\n` +
        `agent_rss_max_mb=${agentMax.toFixed(1)} agent_rss_last_mb=${agentLast.toFixed(1)} ` +
        `baseline_rss_mb=${baselineMax.toFixed(1)} goal_mb=${GOAL_MB} envelopes=${published} strings=${strings}\n`,
    );
    if (published === 0) {
      throw new Error(`the agent published nothing:\n${agent.output()}`);
    }
  } finally {
    for (const p of spawned.reverse()) {
      await stopProcess(p);
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

async function countMessages(natsUrl: string): Promise<{ messages: number; strings: number }> {
  const nc = await connect({ servers: natsUrl });
  const jsm = await jetstreamManager(nc);
  const info = await jsm.streams.info('BENCH_MEMORY');
  const last = await jsm.streams.getMessage('BENCH_MEMORY', { last_by_subj: `bms.v1.tlm.${GATEWAY}` });
  await nc.close();
  // `packs` series and `pack` samples both name their string by bmsAddress.
  const samples = (last?.json<{ samples?: { bmsAddress?: number }[] }>().samples ?? []).map(
    (s) => s.bmsAddress,
  );
  return { messages: info.state.messages, strings: new Set(samples).size };
}

main().catch((error: Error) => {
  process.stderr.write(`bench:agent-memory failed: ${error.message}\n`);
  process.exit(1);
});
