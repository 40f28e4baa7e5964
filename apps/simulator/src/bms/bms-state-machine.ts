// The simulated BMS as an explicit state machine (STYLE.md §11): one enum, one small handler
// per state. Protection opens the relay; after every protection bit and hard error has
// cleared the BMS waits RECOVERY_S (simulated) before closing it again, as real BMS do to
// avoid hammering a contactor. The delay is a simulator assumption.

export type BmsState = 'normal' | 'warning' | 'protection' | 'recovering';

export interface BmsStatus {
  state: BmsState;
  /** Simulated seconds spent in the current state. */
  inStateS: number;
  relayClosed: boolean;
}

export interface BmsInputs {
  alarmBits: number;
  protectionBits: number;
  /** Errors that force the relay open (internal comms, relay check, module lost). */
  hardError: boolean;
}

/** Simulated seconds the relay stays open after the last protection cleared. */
export const RECOVERY_S = 30;

type Handler = (inputs: BmsInputs, status: BmsStatus) => BmsState;

const tripped = (i: BmsInputs) => i.protectionBits !== 0 || i.hardError;
const running = (i: BmsInputs): BmsState => (i.alarmBits !== 0 ? 'warning' : 'normal');

const HANDLERS: Record<BmsState, Handler> = {
  normal: (i) => (tripped(i) ? 'protection' : running(i)),
  warning: (i) => (tripped(i) ? 'protection' : running(i)),
  protection: (i) => (tripped(i) ? 'protection' : 'recovering'),
  recovering: (i, s) => {
    if (tripped(i)) {
      return 'protection';
    }
    return s.inStateS >= RECOVERY_S ? running(i) : 'recovering';
  },
};

export const INITIAL_BMS_STATUS: BmsStatus = { state: 'normal', inStateS: 0, relayClosed: true };

/** One BMS cycle: `dtS` simulated seconds have passed since the previous one. */
export function stepBms(status: BmsStatus, inputs: BmsInputs, dtS: number): BmsStatus {
  const aged = { ...status, inStateS: status.inStateS + dtS };
  const next = HANDLERS[status.state](inputs, aged);
  const inStateS = next === status.state ? aged.inStateS : 0;
  return { state: next, inStateS, relayClosed: next === 'normal' || next === 'warning' };
}
