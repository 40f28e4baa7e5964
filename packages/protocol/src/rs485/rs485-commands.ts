// CID2 command codes of protocol V3.3 (protocol reference §3.4).

export const RS485_COMMANDS = {
  /** 0x42: analog values (cells, temperatures, current, voltage, capacity). INFO: address or 0xFF. */
  analogValues: 0x42,
  /** 0x44: alarm info (per-item states, status bytes 1-5). INFO: address or 0xFF. */
  alarmInfo: 0x44,
  /** 0x47: system parameters (limits). INFO: none per PDF; real clients send one byte. */
  systemParameters: 0x47,
  /** 0x4F: protocol version, answered in the reply's VER. INFO: none. */
  protocolVersion: 0x4f,
  /** 0x51: manufacturer info (device name, software version, manufacturer). INFO: none. */
  manufacturerInfo: 0x51,
  /** 0x92: charge / discharge management info. INFO: address. */
  chargeManagement: 0x92,
  /** 0x93: module serial number. INFO: address. */
  serialNumber: 0x93,
  /** 0x94: set charge / discharge management info (✔1, PDF only). INFO: address + 4 × u16. */
  setChargeManagement: 0x94,
  /** 0x95: turn a module off (✔1, PDF only). INFO: address. */
  turnOff: 0x95,
  /** 0x96: software version. INFO: address. */
  softwareVersion: 0x96,
} as const;

export type Rs485CommandName = keyof typeof RS485_COMMANDS;

const NAMES = new Map<number, Rs485CommandName>(
  Object.entries(RS485_COMMANDS).map(([name, code]) => [code, name as Rs485CommandName]),
);

/** The command name of a CID2, or undefined when V3.3 does not define it. */
export function commandName(cid2: number): Rs485CommandName | undefined {
  return NAMES.get(cid2);
}

/** INFO value (and group ADR low byte) that asks 0x42 / 0x44 for every module of a group. */
export const ALL_MODULES = 0xff;
