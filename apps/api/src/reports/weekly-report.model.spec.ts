import { describe, expect, it } from 'vitest';
import { weeklyReportHtml } from './weekly-report.html.js';
import { weeklyReport } from './weekly-report.model.js';

const week = {
  isoWeek: '2027-W02',
  from: new Date('2027-01-11T00:00:00Z'),
  to: new Date('2027-01-18T00:00:00Z'),
};
const data = {
  tenantName: 'Solar <&> Co',
  newFindings: [],
  newAlarms: 3,
  needingVisit: [
    {
      site: 'Roof',
      string: 'Rack',
      worstSeverity: 'warning',
      alarms: 2,
      titles: [{ code: 'derived.cell_imbalance', title: 'Cell imbalance' }],
    },
  ],
  offlineSites: [{ site: 'Barn', lastSampleAt: null }],
  completeness: [
    { site: 'Roof', strings: 2, coveredS: 7 * 86_400 },
    { site: 'Barn', strings: 1, coveredS: 8 * 86_400 },
    { site: 'Empty', strings: 0, coveredS: 0 },
  ],
};

describe('weeklyReport', () => {
  it('judges completeness over strings × week, capped at 100 %, and counts each section', () => {
    const r = weeklyReport(data, week);
    expect(r.completeness).toEqual([
      { site: 'Roof', strings: 2, pct: 50 },
      { site: 'Barn', strings: 1, pct: 100 },
      { site: 'Empty', strings: 0, pct: null },
    ]);
    expect(r.totals).toEqual({ newFindings: 0, newAlarms: 3, needingVisit: 1, offlineSites: 1 });
  });

  it('escapes names in the HTML and says so when a section is empty', () => {
    const html = weeklyReportHtml(weeklyReport(data, week));
    expect(html).toContain('Solar &lt;&amp;&gt; Co');
    expect(html).not.toContain('Solar <&> Co');
    expect(html).toContain('No new findings this week.');
    expect(html).toContain('<td>Barn</td><td>never</td>');
  });
});
