// The heartbeat (`bms.v1.hb.<gatewayId>`) as a pure function of counter snapshots, so rates
// are computed from two consecutive reads and tests need no timers.

/** Spool figures: the outbox's spoolStats() once the durable spool lands, else its depth. */
export type SpoolSnapshot = { depth: number } & Record<string, unknown>;

export interface BusSnapshot {
  framesIn: number;
  framesOut: number;
  corrupt: number;
  adapterErrors: number;
  reconnects: number;
}

export interface LinkSnapshot {
  connected: boolean;
  /** Round trip to the server (ms), when connected. */
  rttMs: number | null;
  reconnects: number;
  disconnects: number;
  publishFailures: number;
}

export interface HeartbeatInput {
  gatewayId: string;
  bootId: string;
  version: string;
  now: Date;
  startedAt: Date;
  spool: SpoolSnapshot;
  bus: BusSnapshot;
  link: LinkSnapshot;
  sampler: Record<string, number>;
}

export interface Heartbeat {
  schema: 'bms.hb/1';
  gatewayId: string;
  bootId: string;
  agentVersion: string;
  sentAt: string;
  uptimeS: number;
  spool: SpoolSnapshot;
  bus: BusSnapshot & { framesInPerS: number; framesOutPerS: number };
  link: LinkSnapshot;
  sampler: Record<string, number>;
}

/** Builds one heartbeat; rates are per second since `previous` (0 for the first). */
export function buildHeartbeat(input: HeartbeatInput, previous?: { at: Date; bus: BusSnapshot }): Heartbeat {
  const dtS = previous ? (input.now.getTime() - previous.at.getTime()) / 1000 : 0;
  const rate = (now: number, before: number | undefined) =>
    dtS > 0 && before !== undefined ? Math.round(((now - before) / dtS) * 10) / 10 : 0;
  return {
    schema: 'bms.hb/1',
    gatewayId: input.gatewayId,
    bootId: input.bootId,
    agentVersion: input.version,
    sentAt: input.now.toISOString(),
    uptimeS: Math.floor((input.now.getTime() - input.startedAt.getTime()) / 1000),
    spool: input.spool,
    bus: {
      ...input.bus,
      framesInPerS: rate(input.bus.framesIn, previous?.bus.framesIn),
      framesOutPerS: rate(input.bus.framesOut, previous?.bus.framesOut),
    },
    link: input.link,
    sampler: input.sampler,
  };
}
