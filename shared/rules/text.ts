/**
 * Lower-case, accents and punctuation dropped, spaces collapsed: "Hi pls ACCEPT!!" and
 * "hi pls accept." meet, and so do "Élodie" and "elodie".
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * `normalized` (from normalizeText, wrapped in spaces) contains `word` as whole words:
 * "t.me" is found in "join t.me/x" but "me" is not found in "home".
 */
export function containsWords(paddedNormalized: string, normalizedWord: string): boolean {
  return normalizedWord !== '' && paddedNormalized.includes(` ${normalizedWord} `);
}

export const padded = (normalized: string): string => ` ${normalized} `;
