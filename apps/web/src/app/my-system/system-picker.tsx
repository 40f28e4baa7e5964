import Link from 'next/link';
import type { Dictionary } from '../../i18n/en';
import type { SiteSummary } from '../../lib/api/types';
import { selectionQuery } from '../../lib/owner/owner-selection';
import styles from './my-system.module.css';

interface SystemPickerProps {
  sites: readonly SiteSummary[];
  siteId: string;
  stringId: string | null;
  t: Dictionary;
}

/**
 * Links, not a form: each choice is one large touch target, works without script and keeps the
 * choice in the URL. Shown only when there is something to choose (several sites or strings).
 */
export function SystemPicker({ sites, siteId, stringId, t }: SystemPickerProps) {
  const choices = sites.flatMap((site) => [
    { key: site.id, label: sites.length > 1 ? site.name : t.owner.picker.allStrings, site, string: null },
    ...(site.strings.length > 1
      ? site.strings.map((s) => ({
          key: s.id,
          label: sites.length > 1 ? `${site.name} · ${s.name}` : s.name,
          site,
          string: s.id,
        }))
      : []),
  ]);
  if (choices.length <= 1) {
    return null;
  }
  return (
    <nav className={styles.chips} aria-label={t.owner.picker.label} data-testid="system-picker">
      {choices.map((c) => (
        <Link
          key={c.key}
          href={`/my-system?${selectionQuery(c.site.id, c.string)}`}
          className={styles.chip}
          aria-current={c.site.id === siteId && c.string === stringId ? 'page' : undefined}
        >
          {c.label}
        </Link>
      ))}
    </nav>
  );
}
