// Words for topology places and mismatches (issue 10). Pure, so the section and tests share them.
import { interpolate } from '../../../i18n/dictionary';
import type { Dictionary } from '../../../i18n/en';
import type { Locale } from '../../../i18n/locale';
import { formatSiteTime } from '../../../lib/format/site-time';
import type { FoundString, TopologyMismatch, TopologyPlace } from './topology-types';

export function placeText(t: Dictionary['topology'], p: TopologyPlace): string {
  return interpolate(t.placeText, { gateway: p.gatewayId, bus: p.bus, address: p.bmsAddress });
}

export function mismatchText(t: Dictionary['topology'], m: TopologyMismatch): string {
  return interpolate(t.details[m.kind], {
    place: placeText(t, m.place),
    expected:
      m.kind === 'wrong-address' && m.expectedPlace
        ? placeText(t, m.expectedPlace)
        : (m.expectedModules ?? ''),
    found: m.foundModules ?? '',
  });
}

/** 0x7310 versions as the BMS sent them: software major.minor (dev major.minor), hardware major.minor. */
export function firmwareText(t: Dictionary['topology'], f: FoundString): string | null {
  const v = f.versions;
  if (!v) {
    return null;
  }
  return interpolate(t.firmwareValue, {
    sw: `${v.softwareMajor}.${v.softwareMinor}.${v.softwareDevMajor}.${v.softwareDevMinor}`,
    hw: `${v.hardwareMajor}.${v.hardwareMinor}`,
  });
}

export const samePlace = (a: TopologyPlace, b: TopologyPlace): boolean =>
  a.gatewayId === b.gatewayId && a.bus === b.bus && a.bmsAddress === b.bmsAddress;

/** A time on the site's clock with the zone's name (the zone is passed, never the machine's). */
export function formatAt(iso: string, locale: Locale, timeZone: string): string {
  return formatSiteTime(iso, timeZone, locale);
}
