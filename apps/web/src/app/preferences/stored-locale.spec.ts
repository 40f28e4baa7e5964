import { describe, expect, it } from 'vitest';
import { localeToAdopt } from './stored-locale';

describe('the language a sign-in adopts', () => {
  it('takes the stored language on a device without a language cookie', () => {
    expect(localeToAdopt(undefined, 'de')).toBe('de');
    expect(localeToAdopt('klingon', 'de')).toBe('de');
  });

  it('leaves the browser its language when the stored one is the default English', () => {
    expect(localeToAdopt(undefined, 'en')).toBeUndefined();
    expect(localeToAdopt('', 'en')).toBeUndefined();
  });

  it('keeps the device’s own choice and ignores a language the web does not have', () => {
    expect(localeToAdopt('en', 'de')).toBeUndefined();
    expect(localeToAdopt('de', 'en')).toBeUndefined();
    expect(localeToAdopt(undefined, 'fr')).toBeUndefined();
    expect(localeToAdopt(undefined, undefined)).toBeUndefined();
  });
});
