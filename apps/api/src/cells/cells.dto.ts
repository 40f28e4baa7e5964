import { z } from 'zod';

const timestamp = z.iso.datetime({ offset: true });
const int = z.number().int();
const grid = <T extends z.ZodType>(item: T) => z.array(z.array(item));

const outlierSummarySchema = z.object({
  median: z.number().describe("Median of the string's values (mV, or 0.1 °C for temperatures)."),
  mad: z.number().describe('Median absolute deviation from that median.'),
  threshold: z.number().describe('Distance from the median beyond which a value is an outlier.'),
  deviation: grid(z.number().nullable()).describe('[module][cell]: value − median; null where not read.'),
  outlier: grid(z.boolean()).describe('[module][cell]: true where |deviation| > threshold.'),
  count: int.describe('Number of outliers.'),
});

export const stringCellsSchema = z
  .object({
    stringId: z.uuid(),
    ts: timestamp.describe('Gateway clock when the snapshot was read.'),
    source: z.string().nullable().describe('console, rs485 or other.'),
    trigger: z.string().nullable().describe('schedule, edge or command.'),
    cellVoltagesMv: grid(int.nullable()).describe(
      '[module][cell] in rack order (module 0 = first after the BMS), 1 mV; null = not read.',
    ),
    cellTempsDc: grid(int.nullable())
      .nullable()
      .describe('[module][sensor], 0.1 °C; null when the source reports no cell temperatures.'),
    voltage: outlierSummarySchema.nullable().describe('The rule applied to the cell voltages (mV).'),
    temperature: outlierSummarySchema
      .nullable()
      .describe('The rule applied to the temperature sensors (0.1 °C); null without temperatures.'),
    spreadMv: int.nullable().describe('Highest minus lowest cell (cellSpread of @fleet/analytics).'),
    weakest: z
      .array(
        z.object({
          module: int.describe('0-based, rack order.'),
          cell: int.describe('0-based within the module.'),
          mv: int,
          moduleMedianMv: z.number(),
          deviationMv: z.number().describe('mv − its own module median (negative = below).'),
        }),
      )
      .describe('The three cells lowest against their own module (rankWeakCells of @fleet/analytics).'),
    rule: z.object({
      method: z.literal('median-mad'),
      k: z.number().describe('Multiple of the robust standard deviation (1.4826 × MAD).'),
      voltageFloorMv: z.number(),
      temperatureFloorDc: z.number(),
      description: z.string(),
    }),
  })
  .meta({ id: 'StringCells' });
export type StringCellsDto = z.infer<typeof stringCellsSchema>;
