import type { PackSample, PackSeries } from '@fleet/telemetry';

type Value = PackSeries['key'][number];

const v = (x: Value | undefined) => (x === null ? undefined : x);

/**
 * A pack sample from field values by PACK_SERIES_FIELDS index (null = absent), as one object
 * literal: every sample gets the same object shape in one allocation, where setting only the
 * present fields by name went through a map transition per field and row (~2 µs a row,
 * bench:decode). An absent field is a key with the value undefined, which every reader of a
 * PackSample treats as absent (COPY encoding, range checks, `?? null`). The order below IS
 * PACK_SERIES_FIELDS; pack-sample-literal.spec.ts holds it to the table.
 */
export function packSampleLiteral(
  ts: string,
  bus: string,
  bmsAddress: number,
  f: readonly Value[],
): PackSample {
  return {
    kind: 'pack',
    ts,
    bus,
    bmsAddress,
    packVoltageDv: v(f[0]),
    packCurrentDa: v(f[1]),
    bmsTempDc: v(f[2]),
    socPct: v(f[3]),
    sohPct: v(f[4]),
    chargeCutoffDv: v(f[5]),
    dischargeCutoffDv: v(f[6]),
    chargeLimitDa: v(f[7]),
    dischargeLimitDa: v(f[8]),
    dischargeLimitRaw: v(f[9]),
    cellMaxMv: v(f[10]),
    cellMinMv: v(f[11]),
    cellMaxNo: v(f[12]),
    cellMinNo: v(f[13]),
    cellTempMaxDc: v(f[14]),
    cellTempMinDc: v(f[15]),
    cellTempMaxNo: v(f[16]),
    cellTempMinNo: v(f[17]),
    moduleVoltageMaxMv: v(f[18]),
    moduleVoltageMinMv: v(f[19]),
    moduleVoltageMaxNo: v(f[20]),
    moduleVoltageMinNo: v(f[21]),
    moduleTempMaxDc: v(f[22]),
    moduleTempMinDc: v(f[23]),
    moduleTempMaxNo: v(f[24]),
    moduleTempMinNo: v(f[25]),
    state: v(f[26]),
    statusByte: v(f[27]),
    cyclePeriodRaw: v(f[28]),
    errorBits: v(f[29]),
    alarmBits: v(f[30]),
    protectionBits: v(f[31]),
    chargeForbidden: v(f[32]),
    dischargeForbidden: v(f[33]),
    raw: v(f[34]),
  } as PackSample;
}
