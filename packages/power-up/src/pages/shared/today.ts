import { localDateAt } from '@contractbeheer/core';
import type { PageContext } from '../page-route.js';

/** The page's "now" as the core's `asOf` (a UTC instant, whole seconds) and the tenant's local date. */
export function pageDay(page: PageContext): { asOf: string; today: string } {
  const asOf = `${page.now.toISOString().slice(0, 19)}Z`;
  return { asOf, today: localDateAt(asOf, page.zone) };
}
