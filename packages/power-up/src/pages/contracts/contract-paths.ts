/** The contract pages' paths: one place, so links and form actions cannot drift from the routes. */
export function contractPath(id: string, sub?: 'edit' | 'terminate' | 'renew' | 'restart'): string {
  const base = `/pages/contracts/${encodeURIComponent(id)}`;
  return sub === undefined ? base : `${base}/${sub}`;
}
