import fc from 'fast-check';

/**
 * Payloads no honest renderer sends: any value a transport can carry (structured clone
 * carries Maps, Dates, BigInts and typed arrays over Electron IPC), prototype-pollution
 * keys, and valid payloads broken one field at a time.
 */
export const anyPayload = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withNullPrototype: true,
  withBoxedValues: true,
  withSparseArray: true,
  withObjectString: true,
});

const HUGE = 'x'.repeat(100_000);
const wrongValue = fc.oneof(
  fc.constantFrom(null, true, 0, -1, 1e308, -0, '', HUGE, [], {}, [null], { $gt: '' }, '__proto__', "' OR 1=1 --", '<script>alert(1)</script>'),
  fc.string({ maxLength: 5 }),
  fc.integer(),
);

/** Drops a key, retypes one, adds an unknown one, or adds an own `__proto__` key (as JSON.parse makes one). */
export function breakPayload(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(valid, fc.nat(), fc.nat(3), wrongValue).map(([payload, which, how, value]) => {
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return [payload];
    const record = { ...(payload as Record<string, unknown>) };
    const keys = Object.keys(record);
    const key = keys[which % Math.max(1, keys.length)];
    switch (how) {
      case 0:
        if (key !== undefined) delete record[key];
        return record;
      case 1:
        if (key !== undefined) record[key] = value;
        return record;
      case 2:
        return { ...record, unexpected: value };
      default: {
        const rest = JSON.stringify(record).slice(1);
        return JSON.parse(`{"__proto__":{"admin":true}${rest === '}' ? '}' : `,${rest}`}`) as unknown;
      }
    }
  });
}
