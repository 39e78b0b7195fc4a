/**
 * The host's `li` operator: SQL LIKE with `%` as the wildcard, case-insensitive. The pieces between wildcards are
 * found left to right, each at its first occurrence after the previous one — enough, because a `%` absorbs whatever
 * lies in between. That is a few linear scans, where a regex (`^a.*b.*c$`) backtracks and takes seconds to minutes
 * with 6–8 wildcards.
 */
export function matchesLike(text: string, pattern: string): boolean {
  const subject = text.toLowerCase();
  const pieces = pattern.toLowerCase().split('%');
  const first = pieces[0] ?? '';
  if (pieces.length === 1) return subject === first;
  const last = pieces[pieces.length - 1] ?? '';
  if (subject.length < first.length + last.length || !subject.startsWith(first) || !subject.endsWith(last))
    return false;
  const end = subject.length - last.length;
  let at = first.length;
  for (const piece of pieces.slice(1, -1)) {
    const found = subject.indexOf(piece, at);
    if (found < 0 || found + piece.length > end) return false;
    at = found + piece.length;
  }
  return true;
}
