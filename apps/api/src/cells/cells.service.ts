import type { CellLatestRepository, ScopeArg } from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { analyseCells, RULE_DESCRIPTION } from './cell-analysis.js';
import type { StringCellsDto } from './cells.dto.js';
import { CELL_READER } from './cells.tokens.js';
import { TEMPERATURE_RULE, VOLTAGE_RULE } from './robust-outliers.js';

// 0 and 0xFFFF are what BMS protocols put where a cell was not read (as in @fleet/analytics).
const readMv = (v: number | null): number | null => (v === null || v <= 0 || v >= 0xffff ? null : v);

/**
 * The newest cell snapshot of a string with its outliers. A string outside the caller's scope and
 * a string without snapshots are the same 404, so the answer never tells that a foreign id exists.
 */
@Injectable()
export class CellsService {
  constructor(@Inject(CELL_READER) private readonly cells: CellLatestRepository) {}

  async latest(scope: ScopeArg, stringId: string): Promise<StringCellsDto> {
    const snapshot = await this.cells.latest(scope, stringId);
    if (!snapshot) {
      throw new AppError('NOT_FOUND', `no cell snapshot of string ${stringId}`);
    }
    const volts = snapshot.cellVoltagesMv.map((row) => row.map(readMv));
    const temps = snapshot.cellTempsDc;
    const analysis = analyseCells(volts, temps);
    return {
      stringId,
      ts: snapshot.ts.toISOString(),
      source: snapshot.source,
      trigger: snapshot.trigger,
      cellVoltagesMv: volts,
      cellTempsDc: temps,
      voltage: analysis.voltage,
      temperature: analysis.temperature,
      spreadMv: analysis.spreadMv,
      weakest: analysis.weakest,
      rule: {
        method: 'median-mad',
        k: VOLTAGE_RULE.k,
        voltageFloorMv: VOLTAGE_RULE.floor,
        temperatureFloorDc: TEMPERATURE_RULE.floor,
        description: RULE_DESCRIPTION,
      },
    };
  }
}
