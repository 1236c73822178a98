/**
 * Canonical JSON (in the spirit of RFC 8785): object keys sorted by UTF-16 code units,
 * no whitespace, strings and numbers as JSON.stringify writes them. Two equal values
 * always give the same text, so a hash of it identifies the content whatever the key
 * order it was built or stored in. Refuses what JSON cannot carry faithfully.
 */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue | undefined };

export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('Canonical JSON has no NaN or Infinity');
    return JSON.stringify(value);
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item: JsonValue) => canonicalJson(item)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.keys(value)
      .filter((key) => (value as Record<string, JsonValue | undefined>)[key] !== undefined)
      .sort(compareCodeUnits)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, JsonValue>)[key] as JsonValue)}`);
    return `{${entries.join(',')}}`;
  }
  throw new TypeError(`Canonical JSON cannot carry a ${typeof value}`);
}

/** Plain `<` on strings compares UTF-16 code units, which is the order RFC 8785 asks for. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
