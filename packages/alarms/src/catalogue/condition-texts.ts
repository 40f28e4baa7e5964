// Plain-language texts of the physical conditions the BMS words report, shared by the HV, LV and
// RS485 entries that report the same condition. Facts come from the protocol reference
// (protocols/pylontech.md, "§…") and the SC1000-100S product page ("product page"); where
// neither says more, the text says so instead of guessing.

export interface ConditionText {
  title: string;
  /** What is wrong, without the level (the kind adds "warning" or "protection acted"). */
  what: string;
  causes: string[];
  firstSteps: string[];
}

const SUPPORT = 'If it persists, send Pylontech support the raw words and a cell snapshot from this alarm.';
const RESET =
  'Restart the BMS with a long press on its Reset button (restarts without disconnecting power, product page).';
const HIGH_VOLTAGE_WORK =
  'Any work on the DC side is for qualified personnel only: the string runs at up to 1,000 V DC (product page).';
const LIMITS =
  'Check that the inverter follows the limits the BMS sends (charge/discharge cut-off voltages and current limits, HV 0x4220 / LV 0x351).';
const BALANCE =
  'Cells out of balance: the weakest cell reaches its limit before the others (product page, active balancing).';
const FULL_CHARGE =
  'Let the string charge fully so the BMS can balance it (a full charge about every 3 months, §6).';
const TEMPERATURE_RANGE =
  'Working range: SC1000-100S −20 … +65 °C (product page); Force-H1-V2 modules 0 … 50 °C, best 18-28 °C (§6, one source).';

export const CONDITION_TEXTS = {
  cellLowVoltage: {
    title: 'Cell low voltage',
    what: 'at least one cell is below the low-voltage limit',
    causes: [
      'The string was discharged deep (low SOC) and the load kept drawing power.',
      BALANCE,
      'The inverter draws below the discharge cut-off voltage the BMS sends.',
    ],
    firstSteps: [
      'Look at SOC and the lowest cell (voltage and number) in the string view.',
      LIMITS,
      'If the same cell is always the lowest, check its drift trend for a weak cell.',
    ],
  },
  cellHighVoltage: {
    title: 'Cell high voltage',
    what: 'at least one cell is above the high-voltage limit',
    causes: [BALANCE, 'The inverter charges above the charge cut-off voltage the BMS sends.'],
    firstSteps: [
      'Look at the highest cell (voltage and number) and the cell spread in the string view.',
      LIMITS,
      FULL_CHARGE,
    ],
  },
  packLowVoltage: {
    title: 'String low voltage',
    what: 'the string ("pile") voltage is below its low limit',
    causes: [
      'The string was discharged deep and the load kept drawing power.',
      'The inverter draws below the discharge cut-off voltage the BMS sends.',
    ],
    firstSteps: ['Look at SOC and the string voltage trend.', LIMITS, 'Let the inverter charge the string.'],
  },
  packHighVoltage: {
    title: 'String high voltage',
    what: 'the string voltage is above its high limit',
    causes: ['The inverter charges above the charge cut-off voltage the BMS sends.', BALANCE],
    firstSteps: ['Look at the string voltage and the highest cell.', LIMITS],
  },
  chargeLowTemperature: {
    title: 'Charging while cells are too cold',
    what: 'a cell is below the low-temperature limit for charging',
    causes: ['The rack stands in a cold room or outdoors in winter.', TEMPERATURE_RANGE],
    firstSteps: [
      'Look at the lowest cell temperature and the room temperature.',
      'Charging resumes when the cells warm up; consider moving or heating the installation room.',
    ],
  },
  chargeHighTemperature: {
    title: 'Charging while cells are too hot',
    what: 'a cell is above the high-temperature limit for charging',
    causes: [
      'Poor ventilation or a hot installation room.',
      'High charge current for a long time.',
      TEMPERATURE_RANGE,
    ],
    firstSteps: [
      'Look at the highest cell temperature, which module it is in, and the room temperature.',
      'Improve ventilation; check nothing blocks the rack.',
    ],
  },
  dischargeLowTemperature: {
    title: 'Discharging while cells are too cold',
    what: 'a cell is below the low-temperature limit for discharging',
    causes: ['The rack stands in a cold room or outdoors in winter.', TEMPERATURE_RANGE],
    firstSteps: [
      'Look at the lowest cell temperature and the room temperature.',
      'Keep the room above freezing.',
    ],
  },
  dischargeHighTemperature: {
    title: 'Discharging while cells are too hot',
    what: 'a cell is above the high-temperature limit for discharging',
    causes: [
      'Poor ventilation or a hot installation room.',
      'High discharge current for a long time.',
      TEMPERATURE_RANGE,
    ],
    firstSteps: [
      'Look at the highest cell temperature, which module it is in, and the room temperature.',
      'Improve ventilation; reduce the discharge power if it keeps happening.',
    ],
  },
  cellHighTemperature: {
    title: 'Cell high temperature',
    what: 'a cell is above the high-temperature limit',
    causes: [
      'Poor ventilation or a hot installation room.',
      'High current for a long time.',
      TEMPERATURE_RANGE,
    ],
    firstSteps: ['Look at the cell temperatures and the room temperature.', 'Improve ventilation.'],
  },
  cellLowTemperature: {
    title: 'Cell low temperature',
    what: 'a cell is below the low-temperature limit',
    causes: ['The battery stands in a cold room or outdoors in winter.', TEMPERATURE_RANGE],
    firstSteps: ['Look at the cell temperatures and the room temperature.', 'Keep the room above freezing.'],
  },
  systemError: {
    title: 'BMS system error',
    what: 'the BMS reports an internal (system) error',
    causes: ['An internal BMS fault; the reference gives no further detail.'],
    firstSteps: ['Note the other alarms of the same reading.', SUPPORT],
  },
  chargeOverCurrent: {
    title: 'Charge over-current',
    what: 'the charge current is above the limit',
    causes: [
      'The inverter charges with more current than the charge current limit the BMS sends.',
      'The SC1000-100S is rated 100 A charge and discharge (product page).',
    ],
    firstSteps: [
      LIMITS,
      'Check the inverter’s battery type / protocol setting matches a Pylontech HV battery.',
    ],
  },
  dischargeOverCurrent: {
    title: 'Discharge over-current',
    what: 'the discharge current is above the limit',
    causes: [
      'Loads draw more than the discharge current limit the BMS sends (100 A rating, product page).',
      'Inrush at power-on: the SC1000-100S has no soft-start, so the inverter must have one (product page).',
    ],
    firstSteps: [
      LIMITS,
      'Confirm the inverter has a soft-start function (the SC1000-100S-V2 has its own, the original does not).',
    ],
  },
  moduleLowVoltage: {
    title: 'Module low voltage',
    what: 'a module is below its low-voltage limit',
    causes: [
      'Deep discharge of the string.',
      'One module lower than the others (weak or unbalanced cells in it).',
    ],
    firstSteps: [
      'Look at the lowest module (voltage and number) against the highest.',
      'If one module is always lowest, compare its cells in a cell snapshot.',
    ],
  },
  moduleHighVoltage: {
    title: 'Module high voltage',
    what: 'a module is above its high-voltage limit',
    causes: [
      'Charging above the limits the BMS sends.',
      'One module higher than the others (cells out of balance in it).',
    ],
    firstSteps: ['Look at the highest module (voltage and number) against the lowest.', LIMITS, FULL_CHARGE],
  },
  voltageSensorError: {
    title: 'Voltage sensor error',
    what: 'the BMS reports a fault in its voltage measurement',
    causes: ['A failed voltage measurement in the BMS or a module; the reference gives no further detail.'],
    firstSteps: [
      'Check whether cell voltages in the snapshot look implausible (0 or missing).',
      RESET,
      SUPPORT,
    ],
  },
  temperatureSensorError: {
    title: 'Temperature sensor error',
    what: 'the BMS reports a fault in its temperature measurement',
    causes: ['A failed temperature sensor in the BMS or a module; the reference gives no further detail.'],
    firstSteps: ['Check whether cell temperatures look implausible or missing.', RESET, SUPPORT],
  },
  internalCommunicationError: {
    title: 'Internal communication error',
    what: 'the BMS lost communication inside the string (BMS ↔ module BMSs)',
    causes: [
      'A loose or damaged link cable between the modules and the BMS (the SC1000-100S reads each module over inter-module links, product page).',
      'Multi-string: duplicate ADD switch addresses or termination switched on in more than the last BMS (product page).',
    ],
    firstSteps: [
      'Check the communication cables between the modules and the BMS.',
      'Check the ADD switch: a unique address per string; bit 6 (termination) on only on the last BMS in the chain.',
      RESET,
    ],
  },
  inputOverVoltageError: {
    title: 'DC input over-voltage',
    what: 'the voltage at the BMS’s DC input is above its range',
    causes: ['Voltage from the inverter/DC side above the string’s range (200-1,000 V DC, product page).'],
    firstSteps: [HIGH_VOLTAGE_WORK, 'Measure the voltage at the external power terminal.', SUPPORT],
  },
  inputReversePolarityError: {
    title: 'DC input reverse polarity',
    what: 'the BMS sees reversed polarity at its DC input',
    causes: ['The external power cable to the inverter or DC disconnect is connected + / − swapped.'],
    firstSteps: [
      HIGH_VOLTAGE_WORK,
      'Switch the system off and check the polarity of the external power terminal wiring.',
    ],
  },
  relayCheckError: {
    title: 'Relay check error',
    what: 'the BMS’s relay (contactor) failed its check',
    causes: [
      'A damaged contactor: inrush at power-on without an inverter soft-start can damage the BMS contactors (product page).',
    ],
    firstSteps: ['Confirm the inverter has a soft-start function.', RESET, SUPPORT],
  },
  batteryDamageError: {
    title: 'Battery damage',
    what: 'the BMS reports the battery as damaged',
    causes: ['Typically after a deep over-discharge (§1.4.5 table B).'],
    firstSteps: [
      'Do not keep restarting or force-charging the string.',
      'Record SOC, the lowest cells and how long the string sat empty.',
      SUPPORT,
    ],
  },
  otherError: {
    title: 'Other BMS error',
    what: 'the BMS reports an error not in the error byte; details are in the 0x4290 fault extension',
    causes: ['One of the fault-extension conditions (§1.4.9): see the fault-extension bits of this string.'],
    firstSteps: ['Look at the fault-extension alarms of the same string.', RESET, SUPPORT],
  },
} as const satisfies Record<string, ConditionText>;

export type ConditionKey = keyof typeof CONDITION_TEXTS;

export const SUPPORT_STEP = SUPPORT;
export const RESET_STEP = RESET;
export const FULL_CHARGE_STEP = FULL_CHARGE;
export const LIMITS_STEP = LIMITS;
