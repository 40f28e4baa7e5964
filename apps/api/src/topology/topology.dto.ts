import { firmwareVersionsSchema, GATEWAY_ID_PATTERN } from '@fleet/telemetry';
import { z } from 'zod';
import { mismatchKinds } from './topology-mismatches.js';

const timestamp = z.iso.datetime({ offset: true });

const placeShape = {
  gatewayId: z.string(),
  bus: z.string(),
  bmsAddress: z.number().int(),
};
const placeSchema = z.object(placeShape).meta({ id: 'TopologyPlace' });

export const foundStringSchema = z
  .object({
    ...placeShape,
    stringId: z.uuid().nullable().describe('The registered string at this place, if any.'),
    name: z.string().nullable(),
    moduleCount: z.number().int().nullable(),
    cellsPerModule: z.number().int().nullable(),
    capacityAh: z.number().int().nullable(),
    bmsSerial: z.string().nullable().describe('Only where the BMS reports one (HV CAN carries none).'),
    versions: firmwareVersionsSchema.nullable().describe('0x7310 hardware/software versions as sent.'),
    manufacturer: z.string().nullable(),
    modules: z.array(
      z.object({
        position: z.number().int(),
        serial: z.string().nullable(),
        firmware: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'TopologyFoundString' });
export type FoundStringDto = z.infer<typeof foundStringSchema>;

const busReportSchema = z
  .object({
    gatewayId: z.string(),
    bus: z.string(),
    protocol: z.string().nullable(),
    reportedAt: timestamp.describe('Gateway clock of the discovery round.'),
    receivedAt: timestamp,
  })
  .meta({ id: 'TopologyBusReport' });

export const expectedStringSchema = z
  .strictObject({
    gatewayId: z.string().regex(GATEWAY_ID_PATTERN),
    bus: z.string().trim().min(1).max(32),
    bmsAddress: z.number().int().min(0).max(15),
    moduleCount: z.number().int().min(1).max(64).describe('Modules installed in series.'),
    bmsSerial: z.string().trim().min(1).max(64).nullable().default(null),
  })
  .meta({ id: 'TopologyExpectedString' });
export type ExpectedStringDto = z.infer<typeof expectedStringSchema>;

export const confirmTopologyBodySchema = z.strictObject({
  strings: z.array(expectedStringSchema).max(64).describe('What was installed, one entry per string.'),
  note: z.string().trim().max(2000).nullable().default(null),
});
export type ConfirmTopologyBody = z.infer<typeof confirmTopologyBodySchema>;

const confirmationSchema = z
  .object({
    id: z.uuid(),
    confirmedAt: timestamp,
    confirmedBy: z.string().describe('User id of who confirmed.'),
    confirmedByName: z.string().nullable(),
    note: z.string().nullable(),
    strings: z.array(expectedStringSchema),
  })
  .meta({ id: 'TopologyConfirmation' });
export type ConfirmationDto = z.infer<typeof confirmationSchema>;

const mismatchSchema = z
  .object({
    kind: z.enum(mismatchKinds),
    place: placeSchema,
    expectedPlace: placeSchema.optional(),
    bmsSerial: z.string().optional(),
    expectedModules: z.number().int().optional(),
    foundModules: z.number().int().optional(),
  })
  .meta({ id: 'TopologyMismatch' });

export const siteTopologySchema = z
  .object({
    siteId: z.uuid(),
    reports: z.array(busReportSchema).describe('The latest discovery report of each gateway bus.'),
    found: z.array(foundStringSchema),
    confirmation: confirmationSchema.nullable().describe('The newest confirmation; null before the first.'),
    mismatches: z.array(mismatchSchema),
  })
  .meta({ id: 'SiteTopology' });
export type SiteTopologyDto = z.infer<typeof siteTopologySchema>;
