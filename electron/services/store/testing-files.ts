import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteConnection } from './connection';
import { sql, trusted } from './sql';

/**
 * Test support for storage failures (imported by *.test.ts only): temp folders, a
 * damaged database made the way a torn write or a bad disk makes one, and a
 * fingerprint of a database's whole content to prove that nothing changed.
 */
export function tempFolder(prefix: string): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const PAGE = 4096;

/**
 * Overwrites one leaf page of `table` with junk, as a torn write would: the file still
 * opens and its schema reads fine; only reading that page (or `quick_check`) fails.
 */
export async function damageLeafPageOf(file: string, table: string): Promise<void> {
  const db = await SqliteConnection.open(file, 'readonly');
  const pages = await db.all<{ pageno: number }>(sql`SELECT pageno FROM dbstat WHERE name = ${table} AND pagetype = 'leaf' ORDER BY pageno`);
  await db.close();
  const page = pages[Math.floor(pages.length / 2)]?.pageno;
  if (page === undefined) throw new Error(`${table} has no leaf page to damage`);
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(PAGE, 0xa5), 0, PAGE, (page - 1) * PAGE);
  } finally {
    closeSync(fd);
  }
}

/** One string over every table's rows, in a stable order: equal fingerprints, equal content. */
export async function fingerprint(file: string): Promise<string> {
  const db = await SqliteConnection.open(file, 'readonly');
  try {
    const tables = await db.all<{ name: string }>(
      trusted(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`),
    );
    const parts: string[] = [];
    for (const { name } of tables) {
      const rows = await db.all(trusted(`SELECT * FROM "${name.replaceAll('"', '""')}" ORDER BY 1`));
      parts.push(`${name}:${JSON.stringify(rows)}`);
    }
    return parts.join('\n');
  } finally {
    await db.close();
  }
}
