/**
 * Automated accessibility checks with axe-core (Deque's engine, MPL-2.0), injected into the page
 * under test: the WCAG 2.1 A and AA rules that a machine can decide. It cannot judge everything
 * (meaningful labels, sensible focus order), so the browser tests also drive the screens by
 * keyboard and by their accessible names.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One rule the page breaks, with the elements that break it. */
export interface AccessibilityProblem {
  readonly rule: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: readonly string[];
}

/**
 * Runs axe on the page as it is now and answers the serious and critical violations (minor and
 * moderate ones are left to review, as axe's own guidance suggests for a gate).
 */
export async function accessibilityProblems(page: Page): Promise<AccessibilityProblem[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) {
    await page.addScriptTag({ content: AXE_SOURCE });
  }
  const results = await page.evaluate<
    { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[]
  >(`window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    }).then((r) => r.violations)`);
  return results
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
}
