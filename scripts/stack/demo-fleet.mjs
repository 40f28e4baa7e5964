// Simulators and edge agents of the demo fleet (infra/demo/demo-fleet.json): one simulator per
// gateway, joined to its agent by a socat pty pair (the agent sees a serial SLCAN adapter, as on
// a real gateway) or, without socat, by SLCAN over a loopback TCP socket.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { step } from './log.mjs';
import { waitFor } from './probe.mjs';

export function readDemoFleet(root) {
  return JSON.parse(readFileSync(join(root, 'infra/demo/demo-fleet.json'), 'utf8'));
}

function hasSocat() {
  return spawnSync('sh', ['-c', 'command -v socat'], { encoding: 'utf8' }).status === 0;
}

async function ptyPair(children, runDir, gatewayId) {
  const sim = join(runDir, `${gatewayId}.sim`);
  const agent = join(runDir, `${gatewayId}.agent`);
  rmSync(sim, { force: true });
  rmSync(agent, { force: true });
  children.spawn(`pty-${gatewayId}`, 'socat', [`pty,raw,echo=0,link=${sim}`, `pty,raw,echo=0,link=${agent}`]);
  await waitFor(`pty pair for ${gatewayId}`, () => existsSync(sim) && existsSync(agent), 10_000);
  return { sim: ['--serial', sim], agent: ['--slcan', agent] };
}

/** Starts every simulator and agent; returns the simulators' control URLs and the agents' status URLs. */
export async function startDemoFleet({ root, runDir, children, natsUrl, ports }) {
  const fleet = readDemoFleet(root);
  const socat = hasSocat();
  if (!socat) {
    step('socat not found: simulators and agents talk SLCAN over loopback TCP instead of a pty pair');
  }
  const controls = [];
  for (const [i, gw] of fleet.gateways.entries()) {
    const controlPort = ports.simControlBase + i;
    const link = socat
      ? await ptyPair(children, runDir, gw.gatewayId)
      : {
          sim: ['--tcp', String(ports.slcanTcpBase + i)],
          agent: ['--slcan', `tcp://127.0.0.1:${ports.slcanTcpBase + i}`],
        };
    const simArgs = [
      join(root, 'apps/simulator/dist/main.js'),
      ...link.sim,
      '--control-port',
      String(controlPort),
      '--addresses',
      gw.addresses.join(','),
      '--modules',
      String(gw.modules),
      '--module-type',
      gw.moduleType,
      '--seed',
      String(i + 1),
    ];
    children.spawn(`sim-${gw.gatewayId}`, process.execPath, simArgs);
    controls.push({
      gatewayId: gw.gatewayId,
      url: `http://127.0.0.1:${controlPort}`,
      agentStatusUrl: `http://127.0.0.1:${ports.agentStatusBase + i}`,
    });
    const agentArgs = [
      join(root, 'apps/edge-agent/dist/main.js'),
      '--gateway-id',
      gw.gatewayId,
      ...link.agent,
      '--bus-name',
      gw.bus,
      '--nats-url',
      natsUrl,
      // Each agent's durable spool lives in the data dir, so a restart replays what it held.
      '--spool',
      join(runDir, `${gw.gatewayId}.spool.db`),
      // The demo is watched live: every reading at once (production gateways run the default
      // report-by-exception plan). Several agents share this host: one status port each (a
      // port already taken only costs that agent its status page, never its data).
      '--plan',
      'live',
      '--status-port',
      String(ports.agentStatusBase + i),
    ];
    children.spawn(`agent-${gw.gatewayId}`, process.execPath, agentArgs);
  }
  return controls;
}
