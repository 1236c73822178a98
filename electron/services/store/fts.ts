/**
 * Turns what a moderator types into a safe FTS5 query: every word becomes a quoted
 * prefix term, so FTS5 syntax characters (quotes, NEAR, column filters, `*`, `-`)
 * in the input can never change the query's meaning or make it fail to parse.
 */
const MAX_TERMS = 8;

export function toFtsQuery(input: string): string | null {
  const words = input
    .normalize('NFKC')
    // Zero-width and bidi control characters would make terms that match nothing visible.
    .replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/gu, '')
    .split(/[\s\p{P}\p{S}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, MAX_TERMS);
  if (words.length === 0) return null;
  return words.map((word) => `"${word.replaceAll('"', '""')}"*`).join(' ');
}
