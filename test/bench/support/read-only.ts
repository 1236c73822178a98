import type { Reader } from '@services/store/database';
import { SqliteConnection } from '@services/store/connection';
import type { SqlQuery } from '@services/store/sql';

export interface ReadOnlyDatabase {
  readonly reader: Reader;
  close(): Promise<void>;
}

/** A read-only connection of the bench's own, beside browser mode's, for inspection. */
export async function openReadOnly(file: string): Promise<ReadOnlyDatabase> {
  const connection = await SqliteConnection.open(file, 'readonly');
  await connection.exec('PRAGMA cache_size = -65536');
  return {
    reader: { all: (q) => connection.all(q), get: (q) => connection.get(q) },
    close: () => connection.close(),
  };
}

/** `EXPLAIN QUERY PLAN` of a query, as the indented tree the sqlite3 shell prints. */
export async function explain(reader: Reader, query: SqlQuery): Promise<string[]> {
  const rows = await reader.all<{ id: number; parent: number; detail: string }>({
    text: `EXPLAIN QUERY PLAN ${query.text}`,
    values: query.values,
  });
  const depth = new Map<number, number>([[0, -1]]);
  return rows.map((row) => {
    const level = (depth.get(row.parent) ?? -1) + 1;
    depth.set(row.id, level);
    return `${'  '.repeat(level)}${row.detail}`;
  }).concat(query.values.length ? [`(values: ${JSON.stringify(query.values).slice(0, 200)})`] : []);
}
