// The alarm catalogue of every supported protocol, validated once when this module loads.
import { HV_CAN_ENTRIES } from './hv-can.table.js';
import { type Catalogue, loadCatalogue } from './load-catalogue.js';
import { LV_CAN_ENTRIES } from './lv-can.table.js';
import { RS485_ENTRIES } from './rs485.table.js';

export const ALARM_CATALOGUE: Catalogue = loadCatalogue([HV_CAN_ENTRIES, LV_CAN_ENTRIES, RS485_ENTRIES]);
