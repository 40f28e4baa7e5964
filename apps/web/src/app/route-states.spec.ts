// Issue 9: "loading and empty and error states everywhere". Every route folder with a page.tsx
// has its own loading.tsx and error.tsx (a parent's boundary would name the wrong thing:
// "Loading site…" over the claim form), unless it is listed below as needing none, with the
// reason. A listed page that starts fetching data fails here until it gets its states.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const APP = fileURLToPath(new URL('.', import.meta.url));

/** Route folders (relative to src/app, '' = the root) that need no loading.tsx / error.tsx. */
const NEEDS_NONE: Record<string, { why: string; fetches?: true }> = {
  // Only redirects to the caller's start page; there is nothing to show meanwhile, and a failure
  // lands on the root not-found / global-error.
  '': { why: 'redirect to the start page', fetches: true },
  // Pure forms for people without a session: the page renders texts only, the form posts by a
  // server action and shows its own field errors and alerts.
  login: { why: 'sign-in form' },
  '(auth)/forgot-password': { why: 'form' },
  '(auth)/reset-password': { why: 'form' },
  '(auth)/accept-invite': { why: 'form' },
};

/** What a page uses to fetch: the API client, the session, or a route's query/data module. */
const DATA_SOURCES = [
  /\bcallApi\(/,
  /\bgetMe\(/,
  /\brequireSessionToken\(/,
  /\bfetch\(/,
  /from '[^']*\/(?:queries|[\w-]+-query|[\w-]+-data)'/,
];

function fetchesData(source: string): boolean {
  return DATA_SOURCES.some((pattern) => pattern.test(source));
}

function routeFolders(dir: string): string[] {
  const here = existsSync(join(dir, 'page.tsx')) ? [relative(APP, dir).split(sep).join('/')] : [];
  const children = readdirSync(dir, { withFileTypes: true })
    // `_lib` and the like are private folders, not routes.
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
    .flatMap((entry) => routeFolders(join(dir, entry.name)));
  return [...here, ...children];
}

const folders = routeFolders(APP);
const pageSource = (folder: string) => readFileSync(join(APP, folder, 'page.tsx'), 'utf8');

describe('route states', () => {
  it('finds the pages (the walk itself works)', () => {
    expect(folders).toEqual(expect.arrayContaining(['', 'fleet', 'members', 'sites/[id]/claim', 'login']));
    expect(folders).not.toContain('(auth)/_lib');
  });

  it('tells a page that fetches from one that does not', () => {
    expect(fetchesData("import { getSites } from './queries';")).toBe(true);
    expect(fetchesData("} from '../checklist-query';")).toBe(true);
    expect(fetchesData("import { loadToday } from './today-data';")).toBe(true);
    expect(fetchesData('const me = await getMe();')).toBe(true);
    expect(fetchesData("import { getI18n } from '../../i18n/server';\nconst { t } = await getI18n();")).toBe(
      false,
    );
    expect(fetchesData(pageSource('members'))).toBe(true);
    expect(fetchesData(pageSource('login'))).toBe(false);
  });

  it('gives every other page its own loading.tsx and error.tsx', () => {
    const missing = folders
      .filter((folder) => !(folder in NEEDS_NONE))
      .flatMap((folder) =>
        ['loading.tsx', 'error.tsx']
          .filter((file) => !existsSync(join(APP, folder, file)))
          .map((file) => `${folder}/${file}`),
      );
    expect(missing).toEqual([]);
  });

  it('lists only existing pages, none fetching data unless its entry says why', () => {
    for (const [folder, entry] of Object.entries(NEEDS_NONE)) {
      expect(folders, `allow-listed ${folder || '(root)'} has no page.tsx`).toContain(folder);
      expect(fetchesData(pageSource(folder)), `${folder || '(root)'}: ${entry.why}`).toBe(
        entry.fetches === true,
      );
    }
  });

  it('draws every loading state with the shared LoadingView, not its own copy of the markup', () => {
    const loadingFiles = folders.filter((folder) => existsSync(join(APP, folder, 'loading.tsx')));
    expect(loadingFiles.length).toBeGreaterThan(10);
    const ownMarkup = loadingFiles.filter((folder) => {
      const source = readFileSync(join(APP, folder, 'loading.tsx'), 'utf8');
      return !/<LoadingView\b/.test(source) || /state-message|aria-busy/.test(source);
    });
    expect(ownMarkup).toEqual([]);
  });
});
