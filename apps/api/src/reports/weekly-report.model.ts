import type { FleetReportData } from '@fleet/db';
import { REPORT_TEXTS } from './weekly-report.texts.js';

/** The report's content, already judged: what the HTML mail and the PDF both print. */
export interface WeeklyReport {
  tenantName: string;
  isoWeek: string;
  from: Date;
  to: Date;
  totals: { newFindings: number; newAlarms: number; needingVisit: number; offlineSites: number };
  newFindings: FleetReportData['newFindings'];
  needingVisit: FleetReportData['needingVisit'];
  offlineSites: FleetReportData['offlineSites'];
  /** Per site: reported time over expected time of its strings in the week, 0–100 %; null without strings. */
  completeness: { site: string; strings: number; pct: number | null }[];
}

export function weeklyReport(
  data: FleetReportData,
  week: { isoWeek: string; from: Date; to: Date },
): WeeklyReport {
  const weekS = (week.to.getTime() - week.from.getTime()) / 1000;
  return {
    tenantName: data.tenantName,
    ...week,
    totals: {
      newFindings: data.newFindings.length,
      newAlarms: data.newAlarms,
      needingVisit: data.needingVisit.length,
      offlineSites: data.offlineSites.length,
    },
    newFindings: data.newFindings,
    needingVisit: data.needingVisit,
    offlineSites: data.offlineSites,
    completeness: data.completeness.map((c) => ({
      site: c.site,
      strings: c.strings,
      pct: c.strings === 0 ? null : Math.min(100, Math.round((c.coveredS / (c.strings * weekS)) * 1000) / 10),
    })),
  };
}

/** The English section titles, in order (the tests read them; other languages: weekly-report.texts.ts). */
export const REPORT_SECTIONS = REPORT_TEXTS.en.sections;
