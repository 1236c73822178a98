import { ConnectorFailure, type Cursor } from '@shared/connectors';
import type { z } from 'zod';

/**
 * Cursors that carry a small JSON state, tagged so a cursor made by another feed or
 * an older format is refused as `cursor-expired` (the engine then pulls from null)
 * rather than misread.
 */
export function jsonCursor<S extends z.ZodType>(tag: string, schema: S) {
  const prefix = `${tag}.`;
  return {
    encode: (state: z.output<S>): Cursor => `${prefix}${JSON.stringify(state)}`,
    decode(cursor: Cursor | null, initial: z.output<S>): z.output<S> {
      if (cursor === null) return initial;
      if (cursor.startsWith(prefix)) {
        try {
          const parsed = schema.safeParse(JSON.parse(cursor.slice(prefix.length)));
          if (parsed.success) return parsed.data;
        } catch {
          // Not JSON: refused below like any foreign cursor.
        }
      }
      throw new ConnectorFailure({ class: 'invalid', detail: `not a ${tag} cursor`, reason: 'cursor-expired' });
    },
  };
}
