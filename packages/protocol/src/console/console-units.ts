// The SC console prints milli-units (mV, mA, m°C, mAh, mWh; SC-CON, SC-CLI). Project units are
// integers with the unit in the name: Mv, Da (0.1 A), Dc (0.1 °C), Wh; mAh has no coarser
// project unit and stays. Conversions round half away from zero; the printed text is kept
// beside every parsed row, so nothing is lost by rounding.

function roundDiv(value: number, divisor: number): number {
  const q = Math.abs(value) / divisor;
  return Math.sign(value) * Math.round(q);
}

/** An integer as the console prints it, with an optional unit or `%` glued on; else undefined. */
export function consoleInt(text: string | undefined): number | undefined {
  const match = /^([+-]?\d{1,12})(?:%|mV|mA|mAH|mAh|mWH|mWh|Wh|WH)?$/.exec(text ?? '');
  return match ? Number(match[1]) : undefined;
}

export const daFromMa = (ma: number): number => roundDiv(ma, 100);
export const dcFromMilliC = (mc: number): number => roundDiv(mc, 100);
export const whFromMwh = (mwh: number): number => roundDiv(mwh, 1000);
export const maFromDa = (da: number): number => da * 100;
export const milliCFromDc = (dc: number): number => dc * 100;
export const mwhFromWh = (wh: number): number => wh * 1000;
