// A socat pty pair standing in for a serial SLCAN adapter, with socat's `-x` hex dump of every
// byte either side wrote going to a file (read it with parseSocatHexDump).
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type RunningProcess, repoRoot, trackProcess, waitFor } from '@fleet/test-kit';

export interface PtyPair {
  /** The simulator's end (socat's first address: its writes are `leftToRight`). */
  simEnd: string;
  /** The agent's end (its writes are `rightToLeft`). */
  agentEnd: string;
  dumpFile: string;
  socat: RunningProcess;
}

export async function startPtyPair(dir: string, diagnostics: () => string = () => ''): Promise<PtyPair> {
  const simEnd = join(dir, 'sim');
  const agentEnd = join(dir, 'agent');
  const dumpFile = join(dir, 'socat-x.log');
  const fd = openSync(dumpFile, 'w');
  const child = spawn(
    '/usr/bin/socat',
    ['-x', `pty,raw,echo=0,link=${simEnd}`, `pty,raw,echo=0,link=${agentEnd}`],
    { cwd: repoRoot, stdio: ['ignore', 'ignore', fd] },
  );
  closeSync(fd);
  const socat = trackProcess('socat', child, { output: () => readFileSync(dumpFile, 'latin1').slice(-2000) });
  await waitFor('the pty pair', () => existsSync(simEnd) && existsSync(agentEnd), 10_000, diagnostics);
  return { simEnd, agentEnd, dumpFile, socat };
}
