import { z } from 'zod';
import { GATEWAY_ID_PATTERN } from './ids.js';
import { kindListSchema, type UnknownKind } from './kind-list.js';
import { topologyEventSchema } from './topology-event.js';

// Events a gateway publishes on `bms.v1.evt.<gatewayId>` (EVENTS stream): rare facts the cloud
// must learn once rather than sample, e.g. what a string is made of (issue 5: "auto-discovery of
// the string composition (0x7320)") or that the agent (re)started. Same envelope identity as
// telemetry (gatewayId, bootId, seq), its own schema and seq space.

export const EVENT_SCHEMA = 'bms.evt/1';

const int = z.number().int();
const u8 = int.min(0).max(255);
const u16 = int.min(0).max(0xffff);

/**
 * What one string (one BMS address on one bus) says about itself. HV: 0x7310 versions, 0x7320
 * composition, 0x7330/0x7340 manufacturer (protocol reference §1.4.10-12). LV: 0x359 module
 * count and 0x35E manufacturer (§2.2). Fields the protocol did not carry stay absent.
 * Published when first read and whenever it changes.
 */
export const compositionEventSchema = z.object({
  kind: z.literal('composition'),
  /** Gateway clock when the information was read. */
  ts: z.iso.datetime({ offset: true }),
  bus: z.string().min(1).max(32),
  bmsAddress: int.min(0).max(15),
  protocol: z.enum(['hv-can', 'lv-can']),
  /** 0x7320 bytes 0-1: series cells over all modules. */
  totalCells: u16.optional(),
  /** 0x7320 byte 2 (HV) or 0x359 byte 4 (LV, modules present). */
  moduleCount: u8.optional(),
  cellsPerModule: u8.optional(),
  nominalVoltageV: u16.optional(),
  capacityAh: u16.optional(),
  /** 0x7310, numbers as sent. */
  versions: z
    .object({
      hardwareType: u8,
      hardwareMajor: u8,
      hardwareMinor: u8,
      softwareMajor: u8,
      softwareMinor: u8,
      softwareDevMajor: u8,
      softwareDevMinor: u8,
    })
    .optional(),
  manufacturer: z.string().max(32).optional(),
});

/** The agent started: one per boot, so the cloud can tell a restart from a silent gateway. */
export const bootEventSchema = z.object({
  kind: z.literal('boot'),
  ts: z.iso.datetime({ offset: true }),
  agentVersion: z.string().min(1).max(64),
  protocol: z.enum(['hv-can', 'lv-can']),
  mode: z.enum(['active', 'listen-only']),
  bus: z.string().min(1).max(32),
  transport: z.enum(['slcan', 'socketcan']),
});

const knownEventSchema = z.discriminatedUnion('kind', [
  compositionEventSchema,
  bootEventSchema,
  topologyEventSchema,
]);
// `topology` (issue 10) is a newer minor kind: an older reader sets it aside as unknown.
const KNOWN_KINDS: ReadonlySet<string> = new Set(['composition', 'boot', 'topology']);

export type CompositionEvent = z.infer<typeof compositionEventSchema>;
export type BootEvent = z.infer<typeof bootEventSchema>;
export type KnownEvent = z.infer<typeof knownEventSchema>;

/** An event of a kind this reader does not know (a newer minor version), kept with its body. */
export type UnknownEvent = UnknownKind;

const eventListSchema = kindListSchema<KnownEvent>(knownEventSchema, KNOWN_KINDS, 1000);

/**
 * One batch of events. Like telemetry, unknown keys are stripped and unknown kinds are set
 * aside in `unknownEvents` (never refused), so an older reader accepts a newer minor version.
 */
export const eventEnvelopeSchema = z
  .object({
    schema: z.literal(EVENT_SCHEMA),
    gatewayId: z.string().regex(GATEWAY_ID_PATTERN),
    bootId: z.string().min(4).max(64),
    /** Monotonic per boot, from 0; independent of the telemetry seq. */
    seq: z.number().int().min(0),
    sentAt: z.iso.datetime({ offset: true }),
    events: eventListSchema,
  })
  .transform(({ events, ...rest }) => ({
    ...rest,
    events: events.known,
    ...(events.unknown.length > 0 ? { unknownEvents: events.unknown } : {}),
  }));

export type EventEnvelope = z.output<typeof eventEnvelopeSchema>;

/**
 * Dedupe id of one event batch: `<gatewayId>:<bootId>:e<seq>`, distinct from any telemetry
 * batch id of the same boot even where both share a store or a broker.
 */
export function eventMessageId(gatewayId: string, bootId: string, seq: number): string {
  return `${gatewayId}:${bootId}:e${seq}`;
}

export function encodeEventEnvelope(envelope: EventEnvelope): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(envelope));
}
