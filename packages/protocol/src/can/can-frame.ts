/** One classic CAN frame as it travels between codecs and transports. */
export interface CanFrame {
  /** 11-bit (standard) or 29-bit (extended) identifier. */
  id: number;
  extended: boolean;
  /** 0..8 bytes. */
  data: Uint8Array;
}

export const MAX_STANDARD_CAN_ID = 0x7ff;
export const MAX_EXTENDED_CAN_ID = 0x1fffffff;
export const MAX_CAN_DATA_LENGTH = 8;

/** Why a frame cannot exist on a classic CAN bus, or undefined when it is well-formed. */
export function canFrameProblem(frame: CanFrame): string | undefined {
  const max = frame.extended ? MAX_EXTENDED_CAN_ID : MAX_STANDARD_CAN_ID;
  if (!Number.isInteger(frame.id) || frame.id < 0 || frame.id > max) {
    return `id ${frame.id} is outside 0..0x${max.toString(16)} for an ${frame.extended ? 'extended' : 'standard'} frame`;
  }
  if (frame.data.length > MAX_CAN_DATA_LENGTH) {
    return `data length ${frame.data.length} exceeds ${MAX_CAN_DATA_LENGTH}`;
  }
  return undefined;
}
