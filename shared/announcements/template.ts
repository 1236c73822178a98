import { fieldOfPlaceholder, PLACEHOLDER_PATTERN } from './placeholders';

/**
 * A community's value for each placeholder it knows: a string, or null when the field
 * exists but this community has no value. Names absent from the map are unknown.
 */
export type PlaceholderValues = ReadonlyMap<string, string | null>;

export interface Rendered {
  readonly text: string;
  /** Known placeholders this community has no value for, as written (`community.rulesUrl`). */
  readonly missing: readonly string[];
  /** Placeholders that name nothing (a typo, a field since removed). */
  readonly unknown: readonly string[];
}

/**
 * Fills a template for one community. Values are inserted as plain text in a single
 * pass: a value that itself looks like a placeholder, or holds `$&` or markup, is
 * never expanded or interpreted. An unfilled placeholder stays in the text as written
 * and is reported, so preflight can block the send.
 */
export function renderTemplate(template: string, values: PlaceholderValues): Rendered {
  const missing = new Set<string>();
  const unknown = new Set<string>();
  const text = template.replace(PLACEHOLDER_PATTERN, (whole: string, inside: string) => {
    const field = fieldOfPlaceholder(inside);
    if (field === null || !values.has(field)) {
      unknown.add(inside);
      return whole;
    }
    const value = values.get(field);
    if (value === null || value === undefined || value.trim() === '') {
      missing.add(inside);
      return whole;
    }
    return value;
  });
  return { text, missing: [...missing], unknown: [...unknown] };
}
