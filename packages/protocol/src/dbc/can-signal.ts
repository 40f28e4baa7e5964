// Signal definitions as data: one row per field of a CAN payload, with the same information a
// DBC signal carries (position, byte order, signedness, scale, offset, unit) plus where the
// fact comes from. The LV codecs read and write through these rows; the HV codecs are checked
// against theirs by a property test; the DBC generator renders both.

/** How sure the protocol reference is of a field (docs/protocol.md legend). */
export type Confidence = 'confirmed' | 'provisional' | 'conflicting' | 'unknown';

export interface CanSignal {
  /** DBC signal name (CamelCase, unique within its message). */
  name: string;
  /**
   * Path of the decoded codec field this signal equals (`alarms.cellLowVoltage` for a nested
   * flag), or undefined when the codec keeps the bytes another way (text, raw bytes).
   */
  field?: string;
  startByte: number;
  /** Bit inside `startByte` where the signal's least significant bit sits (0 for whole bytes). */
  startBit?: number;
  bits: number;
  /** Every Pylontech CAN field is little-endian (Intel); the type leaves room for no other. */
  byteOrder: 'little-endian';
  signed: boolean;
  /** physical = raw · scale + offset, exactly as in a DBC file. */
  scale: number;
  offset: number;
  unit: string;
  /** A flag decodes to a boolean in the codec (raw 1 = true). */
  flag?: boolean;
  /** Protocol reference section, e.g. `§1.4.1`. */
  section: string;
  confidence: Confidence;
  comment?: string;
  /** Named raw values, rendered as a DBC value table. */
  values?: Readonly<Record<number, string>>;
}

export interface CanMessageDefinition {
  /** DBC message name. */
  name: string;
  /** The id at BMS address 0 for addressed HV messages. */
  id: number;
  extended: boolean;
  dlc: number;
  sender: 'BMS' | 'PCS';
  /** HV: id = base + BMS address (0..15). */
  addressed: boolean;
  section: string;
  comment: string;
  signals: readonly CanSignal[];
}

type SignalInput = Omit<CanSignal, 'byteOrder' | 'signed' | 'scale' | 'offset' | 'unit'> &
  Partial<Pick<CanSignal, 'signed' | 'scale' | 'offset' | 'unit'>>;

/** A signal with the common defaults: little-endian, unsigned, scale 1, offset 0, no unit. */
export function signal(input: SignalInput): CanSignal {
  return { byteOrder: 'little-endian', signed: false, scale: 1, offset: 0, unit: '', ...input };
}

/** A one-bit flag at `bit` of the payload (bit 11 = byte 1, bit 3). */
export function flagSignal(
  input: Omit<SignalInput, 'startByte' | 'startBit' | 'bits'> & { bit: number },
): CanSignal {
  const { bit, ...rest } = input;
  return signal({ ...rest, startByte: bit >> 3, startBit: bit & 7, bits: 1, flag: true });
}
