import type { TopologyReportRow, TopologyStringRow } from '@fleet/db';
import { topologyStringSchema } from '@fleet/telemetry';
import { z } from 'zod';
import { type ExpectedStringDto, expectedStringSchema, type FoundStringDto } from './topology.dto.js';
import { placeKey } from './topology-mismatches.js';

/**
 * The found strings of the stored reports, each with the registered string at its place. A
 * stored entry that no longer parses (written by a newer ingest) is left out rather than failing
 * the page.
 */
export function foundOf(
  reports: readonly TopologyReportRow[],
  strings: readonly TopologyStringRow[],
): FoundStringDto[] {
  const byPlace = new Map(strings.map((s) => [placeKey(s), s]));
  return reports.flatMap((report) =>
    (report.body.strings ?? []).flatMap((raw) => {
      const parsed = topologyStringSchema.safeParse(raw);
      if (!parsed.success) {
        return [];
      }
      const s = parsed.data;
      const place = { gatewayId: report.gatewayId, bus: report.bus, bmsAddress: s.bmsAddress };
      const registered = byPlace.get(placeKey(place));
      return [
        {
          ...place,
          stringId: registered?.id ?? null,
          name: registered?.name ?? null,
          moduleCount: s.moduleCount ?? null,
          cellsPerModule: s.cellsPerModule ?? null,
          capacityAh: s.capacityAh ?? null,
          bmsSerial: s.bmsSerial ?? null,
          versions: s.versions ?? null,
          manufacturer: s.manufacturer ?? null,
          modules: (s.modules ?? []).map((m) => ({
            position: m.position,
            serial: m.serial ?? null,
            firmware: m.firmware ?? null,
          })),
        },
      ];
    }),
  );
}

const storedExpectedSchema = z.object({ strings: z.array(expectedStringSchema) });

/** The installed strings of a stored confirmation (its JSON as the API wrote it). */
export function expectedOf(stored: unknown): ExpectedStringDto[] {
  const parsed = storedExpectedSchema.safeParse(stored);
  return parsed.success ? parsed.data.strings : [];
}
