export const LANGUAGES = ['en', 'es', 'de', 'pt', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Per-language tables; every generator picks from the item's language. */
export type ByLanguage<T> = Readonly<Record<Language, readonly T[]>>;
