import type { AppServices } from '../route-table.js';

/** "Now" as the core takes it: a UTC instant to the second (`YYYY-MM-DDTHH:mm:ssZ`, no milliseconds). */
export function asOfNow(services: AppServices): string {
  return services
    .now()
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
}
