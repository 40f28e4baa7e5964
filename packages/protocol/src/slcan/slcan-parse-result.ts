import type { CanFrame } from '../can/can-frame.js';
import type { SlcanCommand } from './slcan-command.js';

/**
 * One unit of SLCAN traffic, in either direction. The same parser serves the agent (reading
 * an adapter) and the simulator (playing one), so it knows host commands and adapter replies.
 */
export type SlcanParseResult =
  | { kind: 'frame'; frame: CanFrame; timestamp?: number }
  | { kind: 'command'; command: SlcanCommand }
  /** `\r` alone (command accepted), `z`/`Z` (frame queued) or a `Vhhss` version reply. */
  | { kind: 'ack'; of: 'command' | 'transmit' | 'version'; version?: string }
  /** BEL: the adapter refused the last command. */
  | { kind: 'error' }
  | { kind: 'corrupt'; reason: string; line: string };
