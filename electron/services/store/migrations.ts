import { AppFailure } from '@shared/result';
import type { SqliteConnection } from './connection';
import { trusted } from './sql';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly script: string;
}

/**
 * Numbered, append-only `.sql` files (`0001_initial.sql`, ...). Vite inlines them at
 * build time, so the app ships no loose SQL files and tests read the same text.
 */
const files = import.meta.glob('./migrations/*.sql', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

export function parseMigrations(sources: Record<string, string>): Migration[] {
  const migrations = Object.entries(sources).map(([path, script]) => {
    const match = /(\d{4})_([\w-]+)\.sql$/.exec(path);
    if (!match) throw new Error(`Migration file name must look like 0001_name.sql: ${path}`);
    return { version: Number(match[1]), name: match[2] ?? '', script };
  });
  migrations.sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1)
      throw new Error(`Migrations must be numbered 1, 2, 3 ... without gaps; found ${migration.version} at position ${index + 1}`);
  });
  return migrations;
}

export const MIGRATIONS = parseMigrations(files);
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

export async function readSchemaVersion(connection: SqliteConnection): Promise<number> {
  const row = await connection.get<{ user_version: number }>(trusted('PRAGMA user_version'));
  return row?.user_version ?? 0;
}

export function newerSchemaMessage(found: number, supported: number): string {
  return (
    `This database was written by a newer version of Modboard (schema version ${found}); ` +
    `this version understands up to schema version ${supported}. ` +
    'Update Modboard to open it. The file was left untouched.'
  );
}

/**
 * Applies each pending migration in its own transaction and stamps `user_version`
 * inside it, so a crash leaves the database at a whole version, never between two.
 */
export async function migrate(connection: SqliteConnection, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  const current = await readSchemaVersion(connection);
  if (current > migrations.length) throw new AppFailure('unavailable', newerSchemaMessage(current, migrations.length));
  for (const migration of migrations.slice(current)) {
    await connection.exec('BEGIN IMMEDIATE');
    try {
      await connection.exec(migration.script);
      await connection.exec(`PRAGMA user_version = ${migration.version}`);
      await connection.exec('COMMIT');
    } catch (error) {
      await connection.exec('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }
  return migrations.length;
}
