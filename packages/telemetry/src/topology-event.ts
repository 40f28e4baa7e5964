import { z } from 'zod';

// What an agent found on one bus after a discovery round (issue 10: "the agent reports what it
// found on the bus"): every string that answered, with what it said about itself. A `topology`
// event is a snapshot — an address absent from it did not answer — where `composition` events
// describe one string each. Serials appear only where a reader reports one (HV CAN carries none;
// protocol reference §1.4.10-12, §3.6 0x93, §3.7 Force 5200-5207): never invented.

const int = z.number().int();
const u8 = int.min(0).max(255);
const u16 = int.min(0).max(0xffff);
const serial = z.string().trim().min(1).max(64);

/** 0x7310 versions, numbers as sent. */
export const firmwareVersionsSchema = z.object({
  hardwareType: u8,
  hardwareMajor: u8,
  hardwareMinor: u8,
  softwareMajor: u8,
  softwareMinor: u8,
  softwareDevMajor: u8,
  softwareDevMinor: u8,
});

/** One module of a string where the reader could tell it apart (1-based rack position). */
export const topologyModuleSchema = z.object({
  position: int.min(1).max(64),
  serial: serial.optional(),
  /** Software version text as the module reports it (e.g. RS485 0x96), where read. */
  firmware: z.string().max(32).optional(),
});

/** One string that answered: its address on the bus and what it reported. */
export const topologyStringSchema = z.object({
  bmsAddress: int.min(0).max(15),
  /** 0x7320 byte 2 (HV) or 0x359 byte 4 (LV). */
  moduleCount: u8.optional(),
  cellsPerModule: u8.optional(),
  totalCells: u16.optional(),
  nominalVoltageV: u16.optional(),
  capacityAh: u16.optional(),
  versions: firmwareVersionsSchema.optional(),
  manufacturer: z.string().max(32).optional(),
  bmsSerial: serial.optional(),
  modules: z.array(topologyModuleSchema).max(64).optional(),
});

export const topologyEventSchema = z.object({
  kind: z.literal('topology'),
  /** Gateway clock when the discovery round ended. */
  ts: z.iso.datetime({ offset: true }),
  bus: z.string().min(1).max(32),
  protocol: z.enum(['hv-can', 'lv-can']),
  strings: z.array(topologyStringSchema).max(64),
});

export type FirmwareVersions = z.infer<typeof firmwareVersionsSchema>;
export type TopologyModule = z.infer<typeof topologyModuleSchema>;
export type TopologyString = z.infer<typeof topologyStringSchema>;
export type TopologyEvent = z.infer<typeof topologyEventSchema>;
