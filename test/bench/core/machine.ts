import { cpus, loadavg, totalmem } from 'node:os';
import sqlite3 from 'sqlite3';
import { SQLITE_CLI } from '../figures/ingest-limit';
import { runProcess } from '../support/run-process';
import type { Machine } from './results-schema';

export const loadNow = (): number => Math.round((loadavg()[0] ?? 0) * 100) / 100;

/** The machine the figures were measured on; `chromium` is filled in once a browser has run. */
export async function describeMachine(chromium: string, loadAtStart: number): Promise<Machine> {
  const cli = await runProcess(SQLITE_CLI, ['--version']).then(
    (out) => out.split(' ')[0] ?? 'unknown',
    () => 'missing',
  );
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    platform: `${process.platform} ${process.arch}`,
    node: process.version,
    sqliteModule: sqlite3.VERSION,
    sqliteCli: cli,
    chromium,
    loadAtStart,
    loadAtEnd: loadNow(),
  };
}
