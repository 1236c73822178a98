import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import sqlite3 from 'sqlite3';
import { makeDataDir, startBrowserMode, type BrowserMode } from './support/browser-mode';
import { connectContract, waitFor } from './support/contract-client';
import { startSandbox, type SandboxProcess } from './support/sandbox-process';

/**
 * Hostile text in every user-visible field of the four queue views: markup and script
 * that must stay text, bidi overrides, zero-width characters, line breaks, zalgo and
 * 100 KB strings. The values are written straight into the data folder's database (as a
 * platform or a hostile member could make them arrive), then each view must show them
 * literally: no element injected, nothing run, no dialog, every row still 28 px tall.
 */
const MARK = 'data-hostile';
const HOSTILE = [
  `<img src=x onerror="window.__pwned=1" ${MARK}>`,
  `<script ${MARK}>window.__pwned=1</script>`,
  `"><svg onload="window.__pwned=1" ${MARK}></svg>`,
  `<b ${MARK}>bold</b><style>*{display:none!important}</style>`,
  'RTL \u202Eexe.gnp\u202C override \u2067isolate\u2069',
  'zero\u200Bwidth\u200Cjoin\u200Dner\u2060\uFEFF',
  'first line\nsecond line\r\nthird line',
  'Z\u0334\u0321\u0322\u031B\u0317\u0318\u0347\u0348\u0339\u033Ba\u0336l\u0337g\u0338o\u0335',
  'javascript:window.__pwned=1',
  `{{constructor.constructor('window.__pwned=1')()}}`,
  `${'W'.repeat(50_000)} ${'\u{1F600}'.repeat(12_500)}`,
] as const;

function run(db: sqlite3.Database, sql: string, params: unknown[] = []): Promise<void> {
  return new Promise((resolve, reject) => db.run(sql, params, (error) => (error ? reject(error) : resolve())));
}
function all<T>(db: sqlite3.Database, sql: string): Promise<T[]> {
  return new Promise((resolve, reject) => db.all(sql, (error, rows) => (error ? reject(error) : resolve(rows as T[]))));
}

/** Every text the four views show, from each table that holds it, one hostile value per row in turn. */
async function poison(file: string): Promise<void> {
  const db = new sqlite3.Database(file);
  try {
    const targets: [table: string, columns: string[]][] = [
      ['communities', ['name']],
      ['join_requests', ['person_name', 'first_answer']],
      ['members', ['display_name']],
      ['messages', ['body', 'author_name']],
      ['connections', ['name']],
      ['outbox', ['last_error', 'target_key']],
    ];
    for (const [table, columns] of targets) {
      const rows = await all<{ rid: number }>(db, `SELECT rowid AS rid FROM ${table}`);
      for (const [i, { rid }] of rows.entries())
        for (const [j, column] of columns.entries()) await run(db, `UPDATE ${table} SET ${column} = ? WHERE rowid = ?`, [HOSTILE[(i + j) % HOSTILE.length], rid]);
    }
    // Tags are a key of their own table (no rowid): each gets a variant that stays unique.
    const tags = await all<{ community_id: string; tag: string }>(db, 'SELECT community_id, tag FROM community_tags');
    for (const [i, { community_id, tag }] of tags.entries())
      await run(db, 'UPDATE community_tags SET tag = ? WHERE community_id = ? AND tag = ?', [`${HOSTILE[i % HOSTILE.length]} ${i}`, community_id, tag]);
    // The audit log refuses updates: hostile entries are appended, as any summary would be.
    for (const [i, text] of HOSTILE.entries())
      await run(db, `INSERT INTO audit_log (id, at, actor, device, action, subject_type, subject_id, summary) VALUES (?, ?, ?, 'desk', 'note.add', 'member', 'm', ?)`, [
        `HOSTILE${i}`,
        Date.now() + i,
        HOSTILE[(i + 1) % HOSTILE.length],
        text,
      ]);
    const [check] = await all<{ person_name: string }>(db, 'SELECT person_name FROM join_requests ORDER BY seq LIMIT 1');
    if (!HOSTILE.includes(check?.person_name as never)) throw new Error(`poisoning did not stick: ${check?.person_name}`);
  } finally {
    await new Promise((resolve) => db.close(resolve));
  }
}

let server: BrowserMode;
let sandbox: SandboxProcess;
let dataDir: string;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  sandbox = await startSandbox(['--seed', '5', '--volume', '60', '--reports', '20', '--no-trickle']);
  dataDir = makeDataDir();
  writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ deviceId: 'E2EHOSTILE', sandboxProvisioned: true, preferences: { undoGraceSeconds: 0 } }));
  server = await startBrowserMode({ dataDir });
  const contract = await connectContract(server.origin, server.token);
  const added = await contract.call('connections.addSandbox', { name: 'Sandbox network', url: sandbox.url, token: sandbox.token });
  if (!added.ok) throw new Error(added.error.message);
  // Pulled: communities, join requests and the reports behind Flagged.
  await waitFor(
    () => contract.call('sync.overview', {}),
    (o) => o.ok && !o.value.running && o.value.connections.some((c) => c.streams.some((s) => s.stream === 'reports' && s.itemsPulled > 0)),
    60_000,
  );
  const window = await contract.call('joinRequests.window', { offset: 0, limit: 3, sort: [], filters: {} });
  if (!window.ok) throw new Error(window.error.message);
  const decided = await contract.call('joinRequests.decide', { target: { kind: 'ids', ids: window.value.rows.map((r) => r.id) }, decision: 'decline' });
  if (!decided.ok || decided.value.count < 3) throw new Error(`could not decide: ${JSON.stringify(decided)}`);
  contract.close();
  await server.stop();
  await poison(join(dataDir, 'modboard.sqlite'));
  server = await startBrowserMode({ dataDir, args: ['--no-sync'] });
});
test.afterAll(async () => {
  await server.stop();
  await sandbox.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The grid shows hostile text as text, nothing ran or was injected, and every row kept its height. */
async function expectInert(page: Page, grid: Locator): Promise<void> {
  await expect(grid.locator('[role="row"][aria-rowindex="2"]')).toBeVisible({ timeout: 30_000 });
  await expect(grid).toContainText('<img src=x onerror=');
  const report = await page.evaluate((mark) => {
    const rows = [...document.querySelectorAll('[role="grid"] [role="row"]:not([aria-rowindex="1"])')];
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
      injected: document.querySelectorAll(`[${mark}], svg[onload], img[onerror]`).length,
      rows: rows.length,
      heights: [...new Set(rows.map((row) => Math.round(row.getBoundingClientRect().height)))],
      tallestCell: Math.max(0, ...rows.flatMap((row) => [...row.querySelectorAll('[role="gridcell"]')].map((cell) => Math.round(cell.getBoundingClientRect().height)))),
      hidden: getComputedStyle(document.body).display,
    };
  }, MARK);
  expect(report.pwned).toBeNull();
  expect(report.injected).toBe(0);
  expect(report.rows).toBeGreaterThan(2);
  expect(report.heights).toEqual([28]);
  expect(report.tallestCell).toBeLessThanOrEqual(28);
  expect(report.hidden).not.toBe('none');
}

test('hostile text in Join requests, Flagged, Communities and Activity renders as inert text', async ({ page }) => {
  test.setTimeout(120_000);
  page.on('dialog', (dialog) => {
    throw new Error(`A hostile value opened a dialog: ${dialog.message()}`);
  });
  await page.goto(server.url);
  const nav = page.getByRole('navigation', { name: 'Views' });

  await expectInert(page, page.getByRole('grid', { name: 'Join requests' }));
  await expect(page.getByRole('grid', { name: 'Join requests' })).toContainText('\u202Eexe.gnp');

  await nav.getByRole('button', { name: /^Flagged/ }).click();
  await expectInert(page, page.getByRole('grid', { name: 'Flagged messages' }));

  await nav.getByRole('button', { name: /^Communities/ }).click();
  await expectInert(page, page.getByRole('grid', { name: 'Communities' }));

  await nav.getByRole('button', { name: /^Activity/ }).click();
  const tabs = page.getByRole('tablist', { name: 'Activity' });
  await expect(page.getByRole('tabpanel', { name: 'Connections' })).toContainText(HOSTILE[0]);
  await tabs.getByRole('tab', { name: 'Outbox' }).click();
  await expectInert(page, page.getByRole('grid', { name: 'Outbox' }));
  await tabs.getByRole('tab', { name: /Audit/ }).click();
  const audit = page.getByRole('grid', { name: 'Audit log' });
  await expectInert(page, audit);
  await expect(audit).toContainText('<script data-hostile>window.__pwned=1</script>');
});
