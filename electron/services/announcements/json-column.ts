import type { z } from 'zod';

/**
 * A JSON column read through its schema (STYLE §10). A value this version cannot read
 * (written by a newer one, or damaged) falls back rather than failing the whole list.
 */
export function readJsonColumn<T>(schema: z.ZodType<T>, raw: string, fallback: T): T {
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}
