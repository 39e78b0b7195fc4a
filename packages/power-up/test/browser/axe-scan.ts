/// <reference lib="dom" />
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/**
 * The serious and critical axe-core violations of the page as it stands, one line each (empty: none). axe-core is
 * injected through the devtools protocol: the page's CSP allows no foreign script.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const result = await page.evaluate(async () => {
    const scanner = (
      window as unknown as { axe: { run: (context: unknown) => Promise<{ violations: unknown[]; passes: unknown[] }> } }
    ).axe;
    const { violations, passes } = await scanner.run(document);
    return { violations, passes: passes.length };
  });
  // axe ran and checked something: a scan that checked nothing would pass any page.
  expect(result.passes).toBeGreaterThan(5);
  return (result.violations as AxeViolation[])
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${JSON.stringify(violation.nodes.map((node) => node.target))}`,
    );
}
