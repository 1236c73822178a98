import type { PlaceholderValues } from './template';

/** What a community contributes to its announcement's placeholders. */
export interface CommunityValues {
  readonly name: string;
  readonly memberCount: number;
  readonly rulesUrl: string | null;
  readonly language: string | null;
  /** The user's custom field values (Communities view). */
  readonly fields: Readonly<Record<string, string>>;
}

/** `12,400` in English, `12.400` in German: numbers read the way the community reads. */
function formatCount(count: number, language: string | null): string {
  try {
    return new Intl.NumberFormat(language ?? 'en').format(count);
  } catch {
    return new Intl.NumberFormat('en').format(count);
  }
}

/** Built-ins plus every defined custom field (null where this community has no value). */
export function placeholderValues(community: CommunityValues, definedFields: readonly string[]): PlaceholderValues {
  const values = new Map<string, string | null>([
    ['name', community.name],
    ['memberCount', formatCount(community.memberCount, community.language)],
    ['rulesUrl', community.rulesUrl],
  ]);
  for (const field of definedFields) values.set(field, Object.hasOwn(community.fields, field) ? (community.fields[field] ?? null) : null);
  return values;
}
