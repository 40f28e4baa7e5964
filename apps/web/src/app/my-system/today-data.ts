import type { PackReading } from '../../lib/owner/system-state';
import { energyToday, latestReadings } from './queries';

/** What the Today card shows and the live route answers: the strings' newest values and today's energy. */
export interface TodayData {
  /** One per shown string, in order; null = no sample yet. */
  readings: (PackReading | null)[];
  /** null when the hourly trend could not be read. */
  energy: { inWh: number; outWh: number } | null;
  /** The server's clock when read, so server and browser print the same ages. */
  now: number;
}

/** Body of GET /my-system/latest. */
export type TodayResponse = TodayData | { error: string };

/** Only the fields the card needs, so the browser polls a small body. */
function slim(r: PackReading | null): PackReading | null {
  return (
    r && {
      ts: r.ts,
      packVoltageDv: r.packVoltageDv,
      packCurrentDa: r.packCurrentDa,
      socPct: r.socPct,
      sohPct: r.sohPct,
      cellMaxMv: r.cellMaxMv,
      cellMinMv: r.cellMinMv,
    }
  );
}

export async function loadToday(token: string, ids: readonly string[], timeZone: string): Promise<TodayData> {
  const now = new Date();
  const [readings, energy] = await Promise.all([
    latestReadings(token, ids),
    energyToday(token, ids, timeZone, now),
  ]);
  return { readings: readings.map(slim), energy, now: now.getTime() };
}
