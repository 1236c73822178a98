import { z } from 'zod';

/**
 * The placeholder grammar of announcement bodies: `{{community.<name>}}`, with the
 * built-in names below or a custom field the user defined on the Communities view.
 * Whitespace inside the braces is allowed; anything else in braces is reported as an
 * unknown placeholder rather than sent as is.
 */
export const BUILT_IN_PLACEHOLDERS = ['name', 'memberCount', 'rulesUrl'] as const;

/** The custom field whose value sets a community's quiet hours (see quiet-hours.ts). */
export const QUIET_HOURS_FIELD = 'quietHours';

/** `{{ ... }}` with no braces inside; group 1 is the trimmed inside. */
export const PLACEHOLDER_PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;

const NAMESPACE = 'community.';

export const fieldNameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'A field name starts with a letter and has only letters, digits and _ (at most 40)')
  .refine((name) => !(BUILT_IN_PLACEHOLDERS as readonly string[]).includes(name), 'That name is built in');

/** The placeholder as the user writes it, for help texts: `{{community.name}}`. */
export const placeholderOf = (name: string): string => `{{${NAMESPACE}${name}}}`;

/** The field a placeholder's inside names (`community.name` → `name`), or null when it is not one of ours. */
export function fieldOfPlaceholder(inside: string): string | null {
  if (!inside.startsWith(NAMESPACE)) return null;
  const name = inside.slice(NAMESPACE.length);
  return /^[A-Za-z][A-Za-z0-9_]*$/.test(name) ? name : null;
}
