// axe-core in a playwright-core page: the issue 9 acceptance asks that the main pages report no
// serious accessibility violations. The engine is evaluated in the page through the DevTools
// protocol (not a <script> tag), so a content security policy can never keep it out.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AxeResults, ImpactValue, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
let engine: Promise<string> | undefined;

/** The minified engine, read once per test process. */
function axeSource(): Promise<string> {
  engine ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  return engine;
}

/** WCAG 2.0–2.2 A and AA plus axe's best practices; of these only serious and critical count. */
const RUN_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  resultTypes: ['violations'],
};

const COUNTED: readonly ImpactValue[] = ['serious', 'critical'];

export interface A11yViolation {
  rule: string;
  impact: ImpactValue;
  help: string;
  helpUrl: string;
  /** CSS selectors of the offending nodes (at most 5), with axe's summary of the first. */
  targets: string[];
  summary: string;
}

/** Runs axe on the page as it is now and returns its serious and critical violations. */
export async function seriousViolations(page: Page): Promise<A11yViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) {
    await page.evaluate(await axeSource());
  }
  const results = await page.evaluate(
    (options) =>
      (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<AxeResults> } }).axe.run(
        document,
        options,
      ),
    RUN_OPTIONS as unknown as Record<string, unknown>,
  );
  return results.violations
    .filter((v) => v.impact !== undefined && v.impact !== null && COUNTED.includes(v.impact))
    .map((v) => ({
      rule: v.id,
      impact: v.impact as ImpactValue,
      help: v.help,
      helpUrl: v.helpUrl,
      targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')),
      summary: (v.nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
    }));
}

/** One readable block per violation: rule id, impact, help and where, for a failing assertion. */
export function describeViolations(where: string, violations: A11yViolation[]): string {
  const lines = violations.map(
    (v) =>
      `- ${v.rule} (${v.impact}): ${v.help}\n    at ${v.targets.join('\n       ')}\n    ${v.summary}\n    ${v.helpUrl}`,
  );
  return `${where}: ${violations.length} serious/critical accessibility violation(s)\n${lines.join('\n')}`;
}
