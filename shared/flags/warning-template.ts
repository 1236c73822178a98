/**
 * Warning texts from the removal-reason library: `{{rule}}`, `{{community}}` and
 * `{{author}}` are filled in per message. One pass, so a value that itself looks like a
 * placeholder (a community named "{{rule}}") is inserted as it is, never expanded.
 */
export const WARNING_PLACEHOLDERS = ['rule', 'community', 'author'] as const;
export type WarningPlaceholder = (typeof WARNING_PLACEHOLDERS)[number];
export type WarningValues = Readonly<Record<WarningPlaceholder, string>>;

/** What platforms take as a removal reason (the Sandbox's limit; Discord's audit reason is 512). */
export const MAX_WARNING_LENGTH = 500;

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

const isPlaceholder = (name: string): name is WarningPlaceholder => (WARNING_PLACEHOLDERS as readonly string[]).includes(name);

/** The template with its placeholders filled, cut to what platforms accept (never inside a surrogate pair). */
export function renderWarning(template: string, values: WarningValues): string {
  const text = template.replace(PLACEHOLDER, (whole, name: string) => {
    const key = name.toLowerCase();
    return isPlaceholder(key) ? values[key] : whole;
  });
  return cut(text, MAX_WARNING_LENGTH);
}

/** Placeholders the template uses that renderWarning does not know, for the library editor. */
export function unknownPlaceholders(template: string): string[] {
  const unknown = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (!isPlaceholder(name.toLowerCase())) unknown.add(name);
  }
  return [...unknown];
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = isHighSurrogate(text.charCodeAt(max - 2)) ? max - 2 : max - 1;
  return `${text.slice(0, end)}…`;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
