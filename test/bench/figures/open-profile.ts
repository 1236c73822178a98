import { openStore } from '@services/store/database';
import { trusted } from '@services/store/sql';
import type { Section } from '../core/results-schema';
import { openReadOnly } from '../support/read-only';

/**
 * What opening this database costs browser mode before it can answer: `openStore` as a
 * whole, and on its own the whole-file `PRAGMA quick_check` it runs first, both in process.
 */
export async function profileOpen(file: string): Promise<Section> {
  const db = await openReadOnly(file);
  let checkMs: number;
  try {
    const started = performance.now();
    await db.reader.all(trusted('PRAGMA quick_check(1)'));
    checkMs = performance.now() - started;
  } finally {
    await db.close();
  }
  const started = performance.now();
  const store = await openStore(file);
  const openMs = performance.now() - started;
  await store.close();
  return {
    title: 'Opening this database in process (OS file cache warm)',
    lines: [`openStore (check, pragmas, migrations, two connections): ${openMs.toFixed(0)} ms`, `PRAGMA quick_check(1) on its own (openStore runs it before opening): ${checkMs.toFixed(0)} ms`],
  };
}
