import { MISSING, type UnitFormatter } from '../format/units';
import type { ValueUnit } from './metrics';

/**
 * The text of one chart value in its unit, through the dashboard's unit formatter. Cycles have
 * no unit (a count with decimals: 12.35 / 12,35), so they are the one number formatted here.
 */
export function valueFormatter(fmt: UnitFormatter, unit: ValueUnit): (v: number | null) => string {
  switch (unit) {
    case 'percent':
      return fmt.percent;
    case 'millivolts':
      return fmt.millivolts;
    case 'celsius':
      return fmt.celsius;
    case 'kwh':
      return fmt.kilowattHours;
    case 'volts':
      return fmt.volts;
    case 'amps':
      return fmt.amps;
    case 'cycles': {
      const nf = new Intl.NumberFormat(fmt.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      return (v) => (v === null || !Number.isFinite(v) ? MISSING : nf.format(v));
    }
  }
}
