import { type BmsEventInput, stringKey } from '@fleet/db';
import { type EventEnvelope, eventMessageId } from '@fleet/telemetry';

/** Where a composition event's string is: the registry key of (bus, bmsAddress). */
export function compositionKeys(envelope: EventEnvelope): { bus: string; bmsAddress: number }[] {
  return envelope.events.flatMap((e) =>
    e.kind === 'composition' ? [{ bus: e.bus, bmsAddress: e.bmsAddress }] : [],
  );
}

/**
 * bms_event rows of one envelope, known events first then unknown ones, each with its index in
 * that order (stable for the same envelope, so a replay maps to the same keys). A composition
 * carries its update, a topology its report (issue 10); boot, topology and unknown kinds are
 * gateway-level (no string). An unknown event without a readable ts is dated by the envelope's
 * sentAt.
 */
export function toEventRows(
  envelope: EventEnvelope,
  stringIds: ReadonlyMap<string, string>,
): BmsEventInput[] {
  const known: BmsEventInput[] = envelope.events.map((event, idx) => {
    const ts = new Date(event.ts);
    if (event.kind === 'topology') {
      // Gateway-level: a snapshot of one bus; identity by serial is applied when first stored.
      const msgId = eventMessageId(envelope.gatewayId, envelope.bootId, envelope.seq);
      const { bus, protocol, strings } = event;
      const topology = { gatewayId: envelope.gatewayId, msgId, at: ts, bus, protocol, strings };
      return { idx, stringId: null, ts, kind: event.kind, body: { ...event }, topology };
    }
    if (event.kind !== 'composition') {
      return { idx, stringId: null, ts, kind: event.kind, body: { ...event } };
    }
    const stringId = stringIds.get(stringKey({ bus: event.bus, bmsAddress: event.bmsAddress })) ?? null;
    const composition = stringId
      ? {
          stringId,
          at: ts,
          moduleCount: event.moduleCount,
          cellsPerModule: event.cellsPerModule,
          ...(event.versions ? { versions: event.versions } : {}),
        }
      : undefined;
    return {
      idx,
      stringId,
      ts,
      kind: event.kind,
      body: { ...event },
      ...(composition ? { composition } : {}),
    };
  });
  const unknown = (envelope.unknownEvents ?? []).map((event, i) => {
    const ts = typeof event.body.ts === 'string' ? new Date(event.body.ts) : new Date(Number.NaN);
    return {
      idx: known.length + i,
      stringId: null,
      ts: Number.isNaN(ts.getTime()) ? new Date(envelope.sentAt) : ts,
      kind: event.originalKind,
      body: event.body,
    };
  });
  return [...known, ...unknown];
}
