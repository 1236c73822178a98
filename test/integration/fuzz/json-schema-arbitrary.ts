import fc from 'fast-check';

/**
 * Values that match a JSON Schema (as `z.toJSONSchema` writes them), for property tests
 * over every contract call without a hand-written generator per call: a new call is
 * fuzzed the day it is added. Strings sometimes come from `knownStrings` (ids that exist)
 * so handlers get past "not found". Refinements the schema cannot express may still
 * reject a value; the tests treat those as invalid input.
 */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly propertyNames?: JsonSchema;
  readonly items?: JsonSchema;
  readonly prefixItems?: readonly JsonSchema[];
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly format?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly oneOf?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly $ref?: string;
  readonly $defs?: Readonly<Record<string, JsonSchema>>;
}

const MAX_DEPTH = 6;
const MAX_ARRAY = 4;
const MAX_STRING = 40;

export function arbitraryFor(root: JsonSchema, knownStrings: readonly string[] = []): fc.Arbitrary<unknown> {
  const build = (schema: JsonSchema, depth: number): fc.Arbitrary<unknown> => {
    if (depth > MAX_DEPTH) return fc.constant(null);
    if (schema.$ref) return build(resolveRef(root, schema.$ref), depth + 1);
    if ('const' in schema) return fc.constant(schema.const);
    if (schema.enum) return fc.constantFrom(...schema.enum);
    const branches = schema.oneOf ?? schema.anyOf;
    if (branches) return fc.oneof(...branches.map((branch) => build(branch, depth + 1)));
    if (schema.allOf?.[0]) return build({ ...schema.allOf[0], ...schema, allOf: undefined }, depth + 1);
    if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((type: string) => build({ ...schema, type }, depth)));
    switch (schema.type) {
      case 'object':
        return objectOf(schema, depth);
      case 'array':
        return arrayOf(schema, depth);
      case 'string':
        return stringOf(schema, knownStrings);
      case 'integer':
        return fc.integer({ min: lower(schema, -1e6), max: upper(schema, 1e6) });
      case 'number':
        return fc.double({ min: lower(schema, -1e6), max: upper(schema, 1e6), noNaN: true, noDefaultInfinity: true });
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  };

  const objectOf = (schema: JsonSchema, depth: number): fc.Arbitrary<unknown> => {
    const properties = schema.properties ?? {};
    const model = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, build(value, depth + 1)]));
    const fixed = fc.record(model, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
    if (typeof schema.additionalProperties !== 'object') return fixed;
    const extra = fc.dictionary(stringOf(schema.propertyNames ?? { maxLength: 20 }, []), build(schema.additionalProperties, depth + 1), { maxKeys: 3 });
    return fc.tuple(fixed, extra).map(([known, more]) => ({ ...more, ...known }));
  };

  const arrayOf = (schema: JsonSchema, depth: number): fc.Arbitrary<unknown> => {
    const minLength = schema.minItems ?? 0;
    const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? MAX_ARRAY, MAX_ARRAY));
    if (schema.prefixItems) return fc.tuple(...schema.prefixItems.map((item) => build(item, depth + 1)));
    return fc.array(build(schema.items ?? {}, depth + 1), { minLength, maxLength });
  };

  return build(root, 0);
}

function stringOf(schema: JsonSchema, knownStrings: readonly string[]): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? MAX_STRING, MAX_STRING));
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? Infinity));
  if (schema.format === 'uri' || schema.format === 'url') return fc.webUrl();
  const random = fc.string({ minLength, maxLength, unit: 'grapheme' });
  const fitting = knownStrings.filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? Infinity));
  return fitting.length === 0 ? random : fc.oneof({ arbitrary: fc.constantFrom(...fitting), weight: 1 }, { arbitrary: random, weight: 2 });
}

const lower = (schema: JsonSchema, fallback: number) => schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : fallback);
const upper = (schema: JsonSchema, fallback: number) => schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : fallback);

function resolveRef(root: JsonSchema, ref: string): JsonSchema {
  if (ref === '#') return root;
  const name = /^#\/\$defs\/(.+)$/.exec(ref)?.[1];
  const found = name ? root.$defs?.[name] : undefined;
  if (!found) throw new Error(`Unresolvable $ref ${ref}`);
  return found;
}
