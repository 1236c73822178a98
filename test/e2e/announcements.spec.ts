import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { TargetCandidate } from '../../shared/domain/announcements';
import type { Result } from '../../shared/result';
import { makeDataDir, startBrowserMode, type BrowserMode } from './support/browser-mode';
import { connectContract, waitFor } from './support/contract-client';
import { startSandbox, type SandboxProcess } from './support/sandbox-process';

/**
 * The announcement desk end to end, in browser mode against standalone Sandbox networks,
 * whose action logs say what the platform received.
 */

interface ReceivedAction {
  idempotencyKey: string;
  method: string;
  path: string;
  body: { text?: string };
  effect: string;
}

const announcementActions = async (sandbox: SandboxProcess, method: string) =>
  (await sandbox.inspect<{ actions: ReceivedAction[] }>('/_sandbox/actions')).actions.filter(
    (a) => a.method === method && a.path.includes('/announcements'),
  );

/** The sandbox community id in a path like /v1/communities/c_3/announcements. */
const communityOf = (path: string) => /\/communities\/([^/]+)\//.exec(path)?.[1];

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** A data folder past its first run (no embedded Sandbox), with these preferences. */
function dataDirWith(preferences: Record<string, unknown>): string {
  const dir = makeDataDir();
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ deviceId: 'E2EDESK', sandboxProvisioned: true, preferences }));
  return dir;
}

/** Connects each Sandbox and waits until all their communities are pulled. */
async function connectSandboxes(server: BrowserMode, sandboxes: readonly SandboxProcess[]): Promise<readonly TargetCandidate[]> {
  let expected = 0;
  for (const sandbox of sandboxes) {
    const headers = { authorization: `Bearer ${sandbox.token}` };
    expected += ((await (await fetch(`${sandbox.url}/v1/communities?limit=1`, { headers })).json()) as { total: number }).total;
  }
  const contract = await connectContract(server.origin, server.token);
  for (const [i, sandbox] of sandboxes.entries()) {
    const added = await contract.call('connections.addSandbox', { name: `Sandbox ${i + 1}`, url: sandbox.url, token: sandbox.token });
    if (!added.ok) throw new Error(added.error.message);
  }
  const communities = await waitFor(
    async () => {
      const result = await contract.call('announcements.targetCandidates', {});
      return result.ok ? result.value : [];
    },
    (list) => list.length === expected,
    90_000,
  );
  contract.close();
  return communities;
}

async function setLanguage(page: Page, communityName: string, language: string) {
  await page.keyboard.press('g');
  await page.keyboard.press('c');
  await page.getByRole('searchbox', { name: 'Search communities' }).fill(communityName);
  const grid = page.getByRole('grid', { name: 'Communities' });
  // The search has applied: one row, this community.
  await expect(page.getByText('1 communities', { exact: true })).toBeVisible();
  await expect(grid.locator('[aria-rowindex="2"]')).toContainText(communityName);
  await page.getByRole('searchbox', { name: 'Search communities' }).press('Enter');
  await expect(grid).toBeFocused();
  await page.keyboard.press('Enter');
  const pane = page.getByRole('complementary', { name: `Announcement values of ${communityName}` });
  await expect(pane.getByRole('textbox', { name: 'Language' })).toBeFocused();
  await page.keyboard.type(language);
  await page.keyboard.press('Enter');
  await expect(pane.getByRole('status')).toHaveText('Saved.');
  await page.keyboard.press('Escape');
  await expect(grid).toBeFocused();
  await expect(grid.getByRole('row', { name: communityName })).toContainText(language);
}

/**
 * Seed 23: community c_1 and its sub-groups make a 12-group tree. One sub-group is set to
 * German on the Communities view and the draft's German variant is too long for the
 * platform: preflight flags it, it is excluded, the other 11 get their own text once, and
 * a later edit changes all 11.
 */
test.describe('the desk in the browser', () => {
  let server: BrowserMode;
  let sandbox: SandboxProcess;
  let dataDir: string;
  let tree: readonly TargetCandidate[];

  test.beforeAll(async () => {
    sandbox = await startSandbox(['--seed', '23', '--volume', '20', '--reports', '0', '--no-trickle']);
    // A typed confirmation from 11 targets up, so this send goes through it.
    dataDir = dataDirWith({ confirmAnnouncementOver: 10 });
    server = await startBrowserMode({ dataDir });
    const candidates = await connectSandboxes(server, [sandbox]);
    const treeOf = (root: TargetCandidate) => candidates.filter((c) => c.id === root.id || c.parentId === root.id);
    tree = candidates
      .filter((c) => c.parentId === null)
      .map(treeOf)
      .reduce<readonly TargetCandidate[]>((biggest, next) => (next.length > biggest.length ? next : biggest), []);
  });
  test.afterAll(async () => {
    await server.stop();
    await sandbox.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const actions = (method: string) => announcementActions(sandbox, method);

  test('compose with a placeholder, preflight, exclude a target, send to a tree, watch receipts, edit everywhere', async ({ page }) => {
    test.setTimeout(180_000);
    page.on('dialog', () => {
      throw new Error('A hostile value ran script: a dialog opened');
    });
    expect(tree).toHaveLength(12);
    const root = tree.find((c) => c.parentId === null)!;
    const german = tree.filter((c) => c.depth === 1).at(-1)!;
    await page.goto(server.url);

    await setLanguage(page, german.name, 'de');

    // A new draft by keyboard: g a, then n in the list.
    await page.keyboard.press('g');
    await page.keyboard.press('a');
    const list = page.getByRole('grid', { name: 'Announcements' });
    await list.focus();
    await page.keyboard.press('n');
    const draft = page.getByRole('region', { name: /^Draft/ });
    const text = draft.getByRole('textbox', { name: 'Text', exact: true });
    await expect(text).toBeFocused();
    await page.keyboard.type('Hello ');
    await draft.getByRole('group', { name: 'Placeholders for text' }).getByRole('button', { name: '{{community.name}}' }).click();
    await page.keyboard.type(', the spring meetup is on Saturday.');
    await expect(text).toHaveValue('Hello {{community.name}}, the spring meetup is on Saturday.');
    await draft.getByRole('textbox', { name: 'Language of a new variant' }).fill('de');
    await draft.getByRole('button', { name: 'Add a language variant' }).click();
    await draft.getByRole('textbox', { name: 'Variant for de' }).fill(`Hallo {{community.name}}! ${'Sehr lang. '.repeat(400)}`);
    await draft.getByRole('combobox', { name: 'Add a community tree (with its sub-groups)' }).selectOption({ label: `${root.name} (sandbox)` });
    await expect(draft.getByRole('list', { name: 'Target rules' })).toContainText(`${root.name} and its sub-groups`);

    // Preview: 12 targets, 12 distinct texts, the German one over the platform's limit.
    await expect(draft.getByText('11 ready · 1 with a problem · 0 excluded · 12 distinct texts')).toBeVisible();
    const preview = draft.getByRole('grid', { name: 'Preview of every target' });
    const germanRow = preview.getByRole('row', { name: new RegExp(german.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
    await expect(germanRow).toContainText('the platform allows 4,000');
    const send = draft.getByRole('button', { name: /^Send to 12 targets/ });
    await send.click();
    await expect(draft.getByRole('alert').filter({ hasText: 'Fix or exclude the target with a problem first.' })).toBeVisible();

    // Exclude it, by keyboard: focus the preview, walk to its row, e.
    await preview.focus();
    const index = Number(await germanRow.getAttribute('aria-rowindex')) - 2;
    for (let i = 0; i < index; i++) await page.keyboard.press('j');
    await page.keyboard.press('e');
    await expect(draft.getByText('11 ready · 0 with a problem · 1 excluded · 11 distinct texts')).toBeVisible();
    await expect(draft.getByRole('heading', { name: /Targets 11 communities, reach [\d,]+ members, 1 excluded/ })).toBeVisible();

    // Send (Mod+Enter), with the typed confirmation over 10 targets.
    await page.keyboard.press('Control+Enter');
    const confirm = page.getByRole('dialog', { name: 'Send to 11 targets?' });
    await expect(confirm).toBeVisible();
    await expect(confirm.getByRole('button', { name: 'Send to 11 targets' })).toBeDisabled();
    await page.keyboard.type('11');
    await page.keyboard.press('Enter');

    // Receipts: every target reaches "sent", with the platform's message id and link.
    const sent = page.getByRole('region', { name: /^Announcement:/ });
    await expect(sent.getByRole('status').filter({ hasText: /^11 of 11 settled: 11 sent/ })).toBeVisible({ timeout: 60_000 });
    const receipts = sent.getByRole('grid', { name: 'Delivery receipts' });
    await expect(receipts.getByRole('row').filter({ hasText: /an_\d+/ })).toHaveCount(11);
    await expect(sent.getByRole('progressbar', { name: 'Delivery progress' })).toHaveAttribute('value', '11');

    // The platform got each post once, with that community's text.
    const posts = await actions('POST');
    expect(posts.filter((a) => a.effect === 'applied')).toHaveLength(11);
    expect(posts.filter((a) => a.effect === 'duplicate')).toHaveLength(0);
    expect(new Set(posts.map((a) => a.idempotencyKey)).size).toBe(posts.length);
    const names = new Map(tree.map((c) => [c.name, c]));
    const received = new Set<string>();
    for (const post of posts) {
      const name = /^Hello (.*), the spring meetup is on Saturday\.$/.exec(post.body.text ?? '')?.[1];
      expect(name && names.has(name)).toBeTruthy();
      received.add(communityOf(post.path)!);
    }
    expect(received.size).toBe(11);
    expect([...names.keys()].filter((name) => !posts.some((p) => p.body.text?.includes(name)))).toEqual([german.name]);

    // Edit everywhere: one action, all 11 posts change, tracked in the same receipts.
    await sent.getByRole('button', { name: 'Edit everywhere…' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit everywhere' });
    await edit.getByRole('textbox', { name: 'New text', exact: true }).fill('Hello {{community.name}}, the meetup moved to Sunday.');
    await expect(edit.getByText('11 of 11 live posts can take this text.')).toBeVisible();
    await edit.getByRole('button', { name: 'Edit 11 posts' }).click();
    await expect(sent.getByRole('status').filter({ hasText: 'Edit queued for 11 posts.' })).toBeVisible();
    await expect(sent.getByRole('status').filter({ hasText: /^11 of 11 settled: .*11 edited/ })).toBeVisible({ timeout: 60_000 });
    const patches = await actions('PATCH');
    expect(patches.filter((a) => a.effect === 'applied')).toHaveLength(11);
    expect(new Set(patches.map((a) => a.path)).size).toBe(11);
    for (const patch of patches) expect(patch.body.text).toMatch(/^Hello .*, the meetup moved to Sunday\.$/);
    // Still one post per community: the edits changed them, nothing was posted again.
    expect((await actions('POST')).length).toBe(11);
  });
});

test.describe('a send outlives the process', () => {
  test('SIGKILL halfway through a 200-target send under a 429 storm: the restart finishes it, each post once, none early', async () => {
    test.setTimeout(300_000);
    // Seed 2 has 40 communities: five such platforms make 200 targets.
    const sandboxes = await Promise.all([1, 2, 3, 4, 5].map(() => startSandbox(['--seed', '2', '--volume', '10', '--reports', '0', '--no-trickle'])));
    const dataDir = dataDirWith({});
    let app: BrowserMode | undefined = await startBrowserMode({ dataDir });
    try {
      expect(await connectSandboxes(app, sandboxes)).toHaveLength(200);
      let contract = await connectContract(app.origin, app.token);
      const body = 'Hello {{community.name}}';
      const targets = { platforms: ['sandbox' as const] };
      const draft = unwrap(await contract.call('announcements.create', { title: 'Storm' }));
      unwrap(await contract.call('announcements.saveDraft', { id: draft.id, title: 'Storm', body, variants: {}, targets }));
      const preview = unwrap(await contract.call('announcements.preview', { content: { body, variants: {} }, targets }));
      expect(preview).toMatchObject({ count: 200, problems: 0 });
      // The storm: 30% of requests answered 429 for their community, every answer a little slow.
      for (const sandbox of sandboxes)
        await sandbox.control('/_sandbox/faults', {
          rateLimit: { rate: 0.3, times: null, scope: 'target', retryAfterMs: 400 },
          slow: { rate: 1, times: null, delayMs: 60 },
        });
      unwrap(await contract.call('announcements.send', { id: draft.id, expectedTargets: 200, confirmation: '200' }));

      const applied = async () =>
        (await Promise.all(sandboxes.map(async (sandbox) => (await announcementActions(sandbox, 'POST')).filter((a) => a.effect === 'applied')))).flat();
      const before = (await waitFor(applied, (posts) => posts.length >= 50, 120_000)).length;
      const killed = app.child;
      killed.kill('SIGKILL');
      await new Promise((resolve) => killed.once('exit', resolve));
      contract.close();
      expect(before).toBeLessThan(200);

      app = await startBrowserMode({ dataDir });
      contract = await connectContract(app.origin, app.token);
      const progress = await waitFor(
        async () => unwrap(await contract.call('announcements.progress', { id: draft.id })),
        (counts) => counts.sent === 200,
        240_000,
      );
      expect(progress).toMatchObject({ total: 200, sent: 200, failed: 0, queued: 0 });
      contract.close();

      const posts = await applied();
      expect(posts).toHaveLength(200);
      expect(new Set(posts.map((p) => p.idempotencyKey)).size).toBe(200);
      for (const sandbox of sandboxes) {
        const mine = (await announcementActions(sandbox, 'POST')).filter((a) => a.effect === 'applied');
        expect(new Set(mine.map((p) => communityOf(p.path))).size).toBe(40);
        expect(mine).toHaveLength(40);
        const { requests } = await sandbox.inspect<{ requests: { status: number | null; earlyRetry: boolean }[] }>('/_sandbox/requests');
        expect(requests.filter((r) => r.status === 429).length).toBeGreaterThan(0);
        expect(requests.filter((r) => r.earlyRetry)).toEqual([]);
      }
    } finally {
      await app?.stop();
      await Promise.all(sandboxes.map((sandbox) => sandbox.stop()));
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('a scheduled announcement fires at its time after a restart in between', async () => {
    test.setTimeout(120_000);
    const sandbox = await startSandbox(['--seed', '23', '--volume', '10', '--reports', '0', '--no-trickle']);
    const dataDir = dataDirWith({});
    let app: BrowserMode | undefined = await startBrowserMode({ dataDir });
    try {
      const communities = await connectSandboxes(app, [sandbox]);
      let contract = await connectContract(app.origin, app.token);
      const targets = { communities: communities.slice(0, 3).map((c) => c.id) };
      const draft = unwrap(await contract.call('announcements.create', { title: 'Later' }));
      unwrap(await contract.call('announcements.saveDraft', { id: draft.id, title: 'Later', body: 'See you, {{community.name}}', variants: {}, targets }));
      const at = Date.now() + 6_000;
      expect(unwrap(await contract.call('announcements.send', { id: draft.id, at, expectedTargets: 3 }))).toMatchObject({ status: 'scheduled' });
      contract.close();
      await app.stop();
      app = undefined;
      expect(await announcementActions(sandbox, 'POST')).toHaveLength(0);

      app = await startBrowserMode({ dataDir });
      contract = await connectContract(app.origin, app.token);
      await waitFor(async () => unwrap(await contract.call('announcements.progress', { id: draft.id })), (counts) => counts.sent === 3, 60_000);
      expect(unwrap(await contract.call('announcements.get', { id: draft.id })).status).toBe('sent');
      contract.close();
      const posts = await sandbox.inspect<{ actions: (ReceivedAction & { at: number })[] }>('/_sandbox/actions');
      expect(posts.actions.filter((a) => a.effect === 'applied')).toHaveLength(3);
      for (const post of posts.actions) expect(post.at).toBeGreaterThanOrEqual(at);
    } finally {
      await app?.stop();
      await sandbox.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
