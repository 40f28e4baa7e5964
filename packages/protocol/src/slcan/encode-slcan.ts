import { bytesToHex } from '../bytes/hex.js';
import { type CanFrame, canFrameProblem } from '../can/can-frame.js';
import { SLCAN_OK, type SlcanCommand } from './slcan-command.js';

/**
 * `t` + 3 hex id (11-bit) or `T` + 8 hex id (29-bit), one DLC digit, the data in hex, `\r`.
 * Throws a RangeError for a frame that cannot exist on the bus: that is a programming error of
 * the caller, never a consequence of received input.
 */
export function encodeSlcanFrame(frame: CanFrame): string {
  const problem = canFrameProblem(frame);
  if (problem !== undefined) {
    throw new RangeError(`cannot encode CAN frame: ${problem}`);
  }
  const id = frame.id
    .toString(16)
    .toUpperCase()
    .padStart(frame.extended ? 8 : 3, '0');
  return `${frame.extended ? 'T' : 't'}${id}${frame.data.length}${bytesToHex(frame.data)}\r`;
}

export function encodeSlcanCommand(command: SlcanCommand): string {
  switch (command.kind) {
    case 'open':
      return 'O\r';
    case 'close':
      return 'C\r';
    case 'bitrate':
      return `S${command.code}\r`;
    case 'version':
      return 'V\r';
  }
}

/** What a Lawicel adapter answers after queueing a frame for transmission: `z\r` / `Z\r`. */
export function encodeSlcanTransmitAck(extended: boolean): string {
  return `${extended ? 'Z' : 'z'}${SLCAN_OK}`;
}
