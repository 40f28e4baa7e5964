import { interpolate } from '../../i18n/dictionary';

/** "1 site" or "{n} sites": the singular text for one, the plural with the number otherwise. */
export function counted(n: number, one: string, many: string): string {
  return n === 1 ? one : interpolate(many, { n });
}
