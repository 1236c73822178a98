import { describe, expect, it } from 'vitest';
import { joinSql, sql, trusted, whereAll } from './sql';
import { toFtsQuery } from './fts';

describe('sql', () => {
  it('binds every interpolated value as a parameter', () => {
    const name = "Robert'); DROP TABLE members;--";
    const q = sql`SELECT * FROM members WHERE display_name = ${name} AND seq > ${3}`;
    expect(q.text).toBe('SELECT * FROM members WHERE display_name = ? AND seq > ?');
    expect(q.values).toEqual([name, 3]);
  });

  it('splices nested fragments with their values in order', () => {
    const where = whereAll([sql`a = ${1}`, sql`b = ${'x'}`]);
    const q = sql`SELECT 1 FROM t${where} LIMIT ${10}`;
    expect(q.text).toBe('SELECT 1 FROM t WHERE a = ? AND b = ? LIMIT ?');
    expect(q.values).toEqual([1, 'x', 10]);
    expect(joinSql([trusted('x'), sql`${true}`], ', ')).toMatchObject({ text: 'x, ?', values: [1] });
  });

  it('refuses plain objects that are not fragments', () => {
    expect(() => sql`SELECT ${{ text: 'evil', values: [] } as never}`).toThrow(/fragments/);
  });
});

describe('toFtsQuery', () => {
  it('quotes every word as a prefix term so FTS5 syntax in the input is inert', () => {
    expect(toFtsQuery('spam "NEAR(a b)" -x col:y')).toBe('"spam"* "NEAR"* "a"* "b"* "x"* "col"* "y"*');
  });

  it('drops invisible characters and returns null for input with no words', () => {
    expect(toFtsQuery('sp\u200Bam')).toBe('"spam"*');
    expect(toFtsQuery(' \u200B "" ')).toBeNull();
  });
});
