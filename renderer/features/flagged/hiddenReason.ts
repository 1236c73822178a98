import { mediaSegments } from '@shared/flags/media-segments';
import { SENSITIVE_CATEGORY_LABELS, sensitiveCategories } from '@shared/flags/sensitive-text';
import type { Wellbeing } from './wellbeingContext';

/**
 * Why a short excerpt (a table cell, a reply's preview) is shown blurred, in a few words;
 * null when it is shown plainly. Excerpts have no room for a Reveal per item: the
 * conversation pane has them.
 */
export function hiddenReason(text: string, { blurMedia, categories }: Wellbeing): string | null {
  const matched = sensitiveCategories(text, categories);
  if (matched.length > 0) return matched.map((c) => SENSITIVE_CATEGORY_LABELS[c].toLowerCase()).join(', ');
  if (blurMedia && mediaSegments(text).some((segment) => segment.kind === 'media')) return 'media';
  return null;
}
