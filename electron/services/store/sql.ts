/**
 * SQL only through parameter binding (STYLE §11): `sql` turns interpolated values into
 * `?` placeholders. Nested `SqlQuery` fragments are spliced in with their values; `trusted`
 * marks a code-owned fragment (an ORDER BY built from a whitelist) that carries no values.
 */
export type SqlValue = string | number | bigint | null | Uint8Array;

export interface SqlQuery {
  readonly text: string;
  readonly values: readonly SqlValue[];
}

const FRAGMENT = Symbol('sql-fragment');

interface Fragment extends SqlQuery {
  readonly [FRAGMENT]: true;
}

const fragment = (text: string, values: readonly SqlValue[]): Fragment => ({ text, values, [FRAGMENT]: true });

const isFragment = (value: unknown): value is Fragment =>
  typeof value === 'object' && value !== null && (value as Partial<Fragment>)[FRAGMENT] === true;

export function sql(strings: TemplateStringsArray, ...values: readonly (SqlValue | boolean | SqlQuery)[]): SqlQuery {
  let text = strings[0] ?? '';
  const bound: SqlValue[] = [];
  values.forEach((value, i) => {
    if (isFragment(value)) {
      text += value.text;
      bound.push(...value.values);
    } else if (typeof value === 'boolean') {
      text += '?';
      bound.push(value ? 1 : 0);
    } else if (typeof value === 'object' && value !== null && !(value instanceof Uint8Array)) {
      throw new TypeError('Only fragments made by sql`` or trusted() may be nested in a query');
    } else {
      text += '?';
      bound.push(value);
    }
    text += strings[i + 1] ?? '';
  });
  return fragment(text, bound);
}

/** A fragment of SQL written by the program itself, never by input. */
export const trusted = (text: string): SqlQuery => fragment(text, []);

export function joinSql(parts: readonly SqlQuery[], separator: string): SqlQuery {
  const values: SqlValue[] = [];
  const text = parts
    .map((part) => {
      values.push(...part.values);
      return part.text;
    })
    .join(separator);
  return fragment(text, values);
}

/** `WHERE a AND b ...`, or nothing when there are no conditions. */
export function whereAll(conditions: readonly SqlQuery[]): SqlQuery {
  return conditions.length === 0 ? trusted('') : sql` WHERE ${joinSql(conditions, ' AND ')}`;
}
