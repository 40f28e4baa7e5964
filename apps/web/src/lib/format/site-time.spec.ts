import { describe, expect, it } from 'vitest';
import {
  formatSiteDate,
  formatSiteTime,
  formatUtcTime,
  fromZonedInput,
  siteTimeZone,
  siteZoneName,
  toZonedInput,
  zoneOffsetMs,
} from './site-time';
import { MISSING } from './units';

const BERLIN = 'Europe/Berlin';
const HOUR = 3_600_000;

describe('formatSiteTime', () => {
  it("prints the site's wall clock with the zone's short name in both languages", () => {
    expect(formatSiteTime('2026-11-26T13:05:00Z', BERLIN, 'en')).toBe('26 Nov 2026, 14:05 CET');
    expect(formatSiteTime('2026-11-26T13:05:00Z', BERLIN, 'de')).toBe('26.11.2026, 14:05 MEZ');
    expect(formatSiteTime('2026-07-06T13:05:59Z', BERLIN, 'en')).toBe('6 Jul 2026, 15:05 CEST');
    expect(formatSiteTime('2026-07-06T13:05:59Z', BERLIN, 'de')).toBe('06.07.2026, 15:05 MESZ');
    expect(formatSiteTime(Date.parse('2026-11-26T23:30:00Z'), BERLIN, 'en')).toBe('27 Nov 2026, 00:30 CET');
  });

  it('adds seconds when asked (a live sample)', () => {
    expect(formatSiteTime('2026-11-26T13:05:07.250Z', BERLIN, 'de', { seconds: true })).toBe(
      '26.11.2026, 14:05:07 MEZ',
    );
  });

  it('follows the spring change in Berlin (2026-03-29: 02:00 CET becomes 03:00 CEST)', () => {
    expect(formatSiteTime('2026-03-29T00:59:00Z', BERLIN, 'en')).toBe('29 Mar 2026, 01:59 CET');
    expect(formatSiteTime('2026-03-29T01:00:00Z', BERLIN, 'en')).toBe('29 Mar 2026, 03:00 CEST');
    expect(formatSiteTime('2026-03-29T01:00:00Z', BERLIN, 'de')).toBe('29.03.2026, 03:00 MESZ');
  });

  it('follows the autumn change in Berlin (2026-10-25: 02:00–03:00 happens twice)', () => {
    expect(formatSiteTime('2026-10-25T00:30:00Z', BERLIN, 'en')).toBe('25 Oct 2026, 02:30 CEST');
    expect(formatSiteTime('2026-10-25T01:30:00Z', BERLIN, 'en')).toBe('25 Oct 2026, 02:30 CET');
    expect(formatSiteTime('2026-10-25T01:30:00Z', BERLIN, 'de')).toBe('25.10.2026, 02:30 MEZ');
  });

  it('handles zones outside Europe (a GMT offset where the language has no short name)', () => {
    expect(formatSiteTime('2026-11-26T13:05:00Z', 'Asia/Tokyo', 'en')).toBe('26 Nov 2026, 22:05 GMT+9');
    expect(formatSiteTime('2026-11-26T13:05:00Z', 'America/New_York', 'de')).toBe('26.11.2026, 08:05 GMT-5');
    expect(formatSiteTime('2026-11-26T13:05:00Z', 'Asia/Kolkata', 'en')).toBe('26 Nov 2026, 18:35 GMT+5:30');
  });

  it('shows a dash when the time is missing or unreadable, and UTC for an unknown zone', () => {
    expect(formatSiteTime(null, BERLIN, 'en')).toBe(MISSING);
    expect(formatSiteTime(undefined, BERLIN, 'en')).toBe(MISSING);
    expect(formatSiteTime('', BERLIN, 'en')).toBe(MISSING);
    expect(formatSiteTime('garbage', BERLIN, 'en')).toBe(MISSING);
    expect(formatSiteTime('2026-11-26T13:05:00Z', 'Mars/Olympus', 'en')).toBe('26 Nov 2026, 13:05 UTC');
    expect(formatSiteTime('2026-11-26T13:05:00Z', null, 'de')).toBe('26.11.2026, 13:05 UTC');
    expect(siteTimeZone('Mars/Olympus')).toBe('UTC');
    expect(siteTimeZone(BERLIN)).toBe(BERLIN);
  });
});

describe('formatSiteDate, siteZoneName, formatUtcTime', () => {
  it("gives the site's calendar day, which may differ from the UTC day", () => {
    expect(formatSiteDate('2026-11-26T23:30:00Z', BERLIN, 'en')).toBe('27 Nov 2026');
    expect(formatSiteDate('2026-11-26T23:30:00Z', BERLIN, 'de')).toBe('27.11.2026');
    expect(formatSiteDate('2026-11-26T23:30:00Z', 'America/New_York', 'en')).toBe('26 Nov 2026');
    expect(formatSiteDate(null, BERLIN, 'en')).toBe(MISSING);
  });

  it('names the zone as it is at that instant', () => {
    expect(siteZoneName(BERLIN, 'en', '2026-01-10T00:00:00Z')).toBe('CET');
    expect(siteZoneName(BERLIN, 'en', '2026-07-10T00:00:00Z')).toBe('CEST');
    expect(siteZoneName(BERLIN, 'de', '2026-07-10T00:00:00Z')).toBe('MESZ');
  });

  it('says UTC for fleet-level pages', () => {
    expect(formatUtcTime('2026-11-26T13:05:00Z', 'en')).toBe('26 Nov 2026, 13:05 UTC');
    expect(formatUtcTime('2026-11-26T13:05:00Z', 'de')).toBe('26.11.2026, 13:05 UTC');
  });
});

describe('datetime-local values in the site zone', () => {
  it('writes and reads the wall clock both ways', () => {
    const ms = Date.parse('2026-11-26T13:05:00Z');
    expect(toZonedInput(ms, BERLIN)).toBe('2026-11-26T14:05');
    expect(fromZonedInput('2026-11-26T14:05', BERLIN)).toBe(ms);
    expect(toZonedInput(ms, 'Asia/Tokyo')).toBe('2026-11-26T22:05');
    expect(fromZonedInput('2026-11-26T22:05', 'Asia/Tokyo')).toBe(ms);
    expect(fromZonedInput('2026-11-26T13:05', 'UTC')).toBe(ms);
  });

  it('reads the DST change days right in Berlin', () => {
    expect(fromZonedInput('2026-03-29T01:30', BERLIN)).toBe(Date.parse('2026-03-29T00:30:00Z'));
    expect(fromZonedInput('2026-03-29T04:00', BERLIN)).toBe(Date.parse('2026-03-29T02:00:00Z'));
    // 02:30 does not exist that night: read as the same minutes after the change
    expect(fromZonedInput('2026-03-29T02:30', BERLIN)).toBe(Date.parse('2026-03-29T01:30:00Z'));
    expect(fromZonedInput('2026-10-25T01:30', BERLIN)).toBe(Date.parse('2026-10-24T23:30:00Z'));
    expect(fromZonedInput('2026-10-25T12:00', BERLIN)).toBe(Date.parse('2026-10-25T11:00:00Z'));
    expect(zoneOffsetMs(Date.parse('2026-10-25T00:59:00Z'), BERLIN)).toBe(2 * HOUR);
    expect(zoneOffsetMs(Date.parse('2026-10-25T01:00:00Z'), BERLIN)).toBe(HOUR);
  });

  it('refuses anything but a datetime-local value', () => {
    expect(fromZonedInput('2026-11-26', BERLIN)).toBeNaN();
    expect(fromZonedInput('2026-11-26T14:05:00Z', BERLIN)).toBeNaN();
    expect(fromZonedInput('', BERLIN)).toBeNaN();
  });
});
