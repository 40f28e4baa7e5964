import type { AlarmEvent, PackSample } from '@fleet/telemetry';

/** What a stream sends as `event: telemetry`: one string's pack values from one batch. */
export interface TelemetryLive {
  stringId: string;
  siteId: string;
  gatewayId: string;
  samples: PackSample[];
}

/** An event the hub hands to every open stream; each decides by its caller's scope. */
export type LiveEvent =
  | { type: 'telemetry'; tenantId: string; siteId: string; stringId: string; data: TelemetryLive }
  | { type: 'alarm'; tenantId: string; siteId: string; stringId: string | null; data: AlarmEvent };
