import { z } from 'zod';
import { settingsSchema } from '@shared/domain/settings';

/**
 * The settings schema as JSON Schema, for electron-store and conf (both validate with
 * ajv). Derived from the one zod schema so the two hosts can never disagree.
 */
export function settingsJsonSchema(): { properties: Record<string, unknown>; rootSchema: Record<string, unknown> } {
  const json = z.toJSONSchema(settingsSchema, { io: 'input', target: 'draft-2020-12' }) as {
    properties: Record<string, unknown>;
    additionalProperties?: boolean;
  };
  return { properties: json.properties, rootSchema: { additionalProperties: json.additionalProperties ?? false } };
}
