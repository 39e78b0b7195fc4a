import type { AppServices } from '../route-table.js';

// The last second's text, kept: every request asks for "now", and within one second the answer is the same.
let last = { second: Number.NaN, text: '' };

/** "Now" as the core takes it: a UTC instant to the second (`YYYY-MM-DDTHH:mm:ssZ`, no milliseconds). */
export function asOfNow(services: AppServices): string {
  const second = Math.floor(services.now().getTime() / 1000);
  if (second !== last.second) {
    last = { second, text: new Date(second * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') };
  }
  return last.text;
}
