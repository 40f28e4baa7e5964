// Builds the services that run beside the readings: commands from the cloud, the heartbeat and
// the loopback status endpoint. Commands and heartbeats travel over the uplink's transports
// (NATS, or MQTT5 on AWS IoT Core; see create-uplink.ts).
import type { AgentService } from '../agent.js';
import type { CanTransport } from '../bus/can-transport.js';
import type { Clock } from '../clock.js';
import { CommandHandler } from '../commands/command-handler.js';
import { CommandServer } from '../commands/command-server.js';
import type { AgentConfig } from '../config/agent-config.js';
import { agentMetrics } from '../health/agent-metrics.js';
import type { Heartbeat } from '../health/heartbeat.js';
import { HeartbeatPublisher } from '../health/heartbeat-publisher.js';
import { StatusServer } from '../health/status-server.js';
import type { Logger } from '../logger.js';
import type { Uplink } from '../publish/create-uplink.js';
import type { Outbox } from '../publish/outbox.js';
import { saveSamplingPlan } from '../sampling/load-sampling-plan.js';
import type { UplinkSampler } from '../sampling/uplink-sampler.js';
import { AGENT_VERSION } from '../version.js';

export interface SideServiceParts {
  config: AgentConfig;
  bootId: string;
  clock: Clock;
  logger: Logger;
  uplink: Pick<Uplink, 'commands' | 'heartbeats'>;
  transport: Pick<CanTransport, 'counters'>;
  sampler: UplinkSampler;
  outbox: Outbox;
  readerCounters: () => object;
  /**
   * A status endpoint already listening (the agent enrolled itself on it while unclaimed): it is
   * handed the heartbeat instead of a second server being opened on the same port.
   */
  statusEndpoint?: StatusEndpoint;
}

export interface StatusEndpoint {
  bind(status: () => unknown, heartbeat: () => Heartbeat | undefined): void;
}

/** The configuration as config.get reports it: everything but secrets. */
export function publicConfig(config: AgentConfig): Record<string, unknown> {
  const { commandKey, ...rest } = config;
  return { ...rest, commandKey: commandKey === undefined ? 'unset' : 'set' };
}

export function buildSideServices(parts: SideServiceParts): AgentService[] {
  const { config, clock, logger, uplink, sampler } = parts;
  const startedAt = clock.now();
  const heartbeat = new HeartbeatPublisher(
    {
      clock,
      logger: logger.child({ component: 'heartbeat' }),
      transport: uplink.heartbeats,
      read: () => ({
        gatewayId: config.gatewayId,
        bootId: parts.bootId,
        version: AGENT_VERSION,
        startedAt,
        spool: { ...parts.outbox.spoolStats() },
        bus: parts.transport.counters,
        sampler: { ...sampler.counters, strings: sampler.targets.length },
      }),
    },
    config.heartbeatS * 1000,
  );
  const statusOf = () =>
    heartbeat.current ?? {
      starting: true,
      gatewayId: config.gatewayId,
      reader: parts.readerCounters(),
    };
  parts.statusEndpoint?.bind(statusOf, () => heartbeat.current);
  const status =
    parts.statusEndpoint === undefined
      ? new StatusServer(
          config.statusPort,
          statusOf,
          logger.child({ component: 'status' }),
          agentMetrics(() => heartbeat.current),
        )
      : undefined;
  const handler = new CommandHandler({
    gatewayId: config.gatewayId,
    clock,
    sampler,
    publicConfig: () => publicConfig(config),
    replyKey: config.commandKey,
    onPlanChanged: (plan) => {
      logger.info({ plan }, 'sampling plan changed by the cloud');
      if (config.planFile !== undefined) {
        try {
          saveSamplingPlan(config.planFile, plan);
        } catch (error) {
          logger.error({ err: (error as Error).message, planFile: config.planFile }, 'plan not saved');
        }
      }
    },
  });
  const commands = new CommandServer({
    gatewayId: config.gatewayId,
    handler,
    transport: uplink.commands,
    clock,
    logger: logger.child({ component: 'commands' }),
    replyKey: config.commandKey,
  });
  return [
    ...(status === undefined ? [] : [{ name: 'status', run: (signal: AbortSignal) => status.run(signal) }]),
    { name: 'commands', run: (signal) => commands.run(signal) },
    { name: 'heartbeat', run: (signal) => heartbeat.run(signal) },
  ];
}
