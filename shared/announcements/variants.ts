import type { AnnouncementContent } from '../domain/announcements';

export const DEFAULT_VARIANT = 'default';

export interface ChosenVariant {
  /** `default`, or the language tag of the variant chosen. */
  readonly variant: string;
  readonly template: string;
}

/**
 * The body a community gets, by its language: a variant for the exact tag
 * (case-insensitive, `pt-BR`), else one for its primary language (`pt`), else the
 * default body. A variant left empty counts as absent.
 */
export function chooseVariant(content: AnnouncementContent, language: string | null): ChosenVariant {
  if (language) {
    const wanted = language.toLowerCase();
    const primary = wanted.split('-')[0];
    const entries = Object.entries(content.variants).filter(([, text]) => text.trim() !== '');
    const exact = entries.find(([tag]) => tag.toLowerCase() === wanted);
    const general = entries.find(([tag]) => tag.toLowerCase() === primary);
    const found = exact ?? general;
    if (found) return { variant: found[0], template: found[1] };
  }
  return { variant: DEFAULT_VARIANT, template: content.body };
}
