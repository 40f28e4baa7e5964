import type { BmsReader } from '../bms-reader.js';

/** What the agent runs on an HV CAN bus: the active poller or the passive listener. */
export type HvReader = BmsReader;
