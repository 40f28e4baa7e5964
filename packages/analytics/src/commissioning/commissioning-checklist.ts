import { type BusItemOptions, busItem, DEFAULT_BUS_OPTIONS, type GatewayBusReading } from './bus-item.js';
import {
  type CellSpreadItemOptions,
  cellSpreadItem,
  DEFAULT_CELL_SPREAD_OPTIONS,
  type StringAfterFullCharge,
} from './cell-spread-item.js';
import type { ChecklistItem, ChecklistState } from './checklist-item.js';
import { worstState } from './checklist-item.js';
import { clockItem, DEFAULT_MAX_CLOCK_SKEW_S, type GatewayClockReading } from './clock-item.js';
import { firstDataItem, type StringFirstData } from './first-data-item.js';
import { type ExpectedString, topologyItem } from './topology-item.js';

export interface CommissioningInput {
  strings: readonly (StringFirstData & ExpectedString & StringAfterFullCharge)[];
  gateways: readonly (GatewayBusReading & GatewayClockReading)[];
}

export interface CommissioningOptions {
  bus: BusItemOptions;
  cellSpread: CellSpreadItemOptions;
  maxClockSkewS: number;
}

export const DEFAULT_COMMISSIONING_OPTIONS: CommissioningOptions = {
  bus: DEFAULT_BUS_OPTIONS,
  cellSpread: DEFAULT_CELL_SPREAD_OPTIONS,
  maxClockSkewS: DEFAULT_MAX_CLOCK_SKEW_S,
};

export interface CommissioningChecklist {
  state: ChecklistState;
  /** Every item passed: the only state in which commissioning may be completed. */
  complete: boolean;
  items: ChecklistItem[];
}

/** The whole checklist, in the order an installer works through it on site. */
export function commissioningChecklist(
  input: CommissioningInput,
  options: CommissioningOptions = DEFAULT_COMMISSIONING_OPTIONS,
): CommissioningChecklist {
  const items = [
    firstDataItem(input.strings),
    topologyItem(input.strings),
    busItem(input.gateways, options.bus),
    clockItem(input.gateways, options.maxClockSkewS),
    cellSpreadItem(input.strings, options.cellSpread),
  ];
  const state = worstState(items.map((i) => i.state));
  return { state, complete: state === 'passed', items };
}
