import { containsWords, normalizeText, padded } from '../rules/text';

/**
 * Categories of message text a moderator may choose to see blurred until they reveal it
 * (Settings → Wellbeing). Reading a queue of abuse all day wears people down; this lets
 * the worst of it stay out of sight until the moderator decides to look.
 */
export const SENSITIVE_CATEGORIES = ['sexual', 'violence', 'self-harm', 'hate'] as const;
export type SensitiveCategory = (typeof SENSITIVE_CATEGORIES)[number];

export const SENSITIVE_CATEGORY_LABELS: Readonly<Record<SensitiveCategory, string>> = {
  sexual: 'Sexual content',
  violence: 'Violence and gore',
  'self-harm': 'Self-harm and suicide',
  hate: 'Slurs and hate',
};

/**
 * A STARTING POINT, deliberately small: English words and phrases, matched as whole words
 * after normalizeText (case, accents and punctuation ignored), so "kill" does not match
 * "skill". Word forms are listed rather than stemmed to keep false positives predictable.
 * A blur that misses costs a moderator one unpleasant read; one that over-fires costs a
 * click, so lists lean towards catching. Extend per language and community as you learn
 * what your moderators meet; slur lists in particular belong with the people who run the
 * communities, not in code defaults.
 */
export const SENSITIVE_WORDS: Readonly<Record<SensitiveCategory, readonly string[]>> = {
  sexual: ['explicit content', 'nude', 'nudes', 'naked', 'porn', 'porno', 'sex', 'sexy', 'nsfw', 'onlyfans', 'xxx', 'dick pic', 'horny'],
  violence: ['kill', 'killed', 'killing', 'murder', 'murdered', 'blood', 'bloody', 'gore', 'behead', 'beheaded', 'stab', 'stabbed', 'shoot you', 'shot dead', 'torture', 'corpse', 'dead body', 'see what happens'],
  'self-harm': ['suicide', 'suicidal', 'kill myself', 'kms', 'self harm', 'self-harm', 'cutting myself', 'end my life', 'want to die', 'overdose'],
  hate: ['subhuman', 'vermin', 'go back to where you came from', 'people like you should', 'your kind', 'inferior race', 'gas them', 'degenerate', 'degenerates'],
};

const normalizedList = (words: readonly string[]) => words.map(normalizeText).filter((word) => word !== '');
const NORMALIZED: Readonly<Record<SensitiveCategory, readonly string[]>> = {
  sexual: normalizedList(SENSITIVE_WORDS.sexual),
  violence: normalizedList(SENSITIVE_WORDS.violence),
  'self-harm': normalizedList(SENSITIVE_WORDS['self-harm']),
  hate: normalizedList(SENSITIVE_WORDS.hate),
};

/** Texts longer than this are matched on their start only: a blur decision must stay cheap per message shown. */
export const MAX_MATCHED_LENGTH = 20_000;

/** The chosen categories whose words the text contains, in the order of `SENSITIVE_CATEGORIES`; empty when none. */
export function sensitiveCategories(text: string, chosen: readonly SensitiveCategory[]): SensitiveCategory[] {
  if (chosen.length === 0 || text === '') return [];
  const normalized = padded(normalizeText(text.slice(0, MAX_MATCHED_LENGTH)));
  return SENSITIVE_CATEGORIES.filter((category) => chosen.includes(category) && NORMALIZED[category].some((word) => containsWords(normalized, word)));
}
