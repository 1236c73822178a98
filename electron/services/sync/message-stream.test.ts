import { afterEach, describe, expect, it } from 'vitest';
import { enabledAlertRule } from '../flags/alert-rules/testing';
import { readCursor } from '../store/repositories/cursors';
import { ingestMessages } from '../store/repositories/message-feed-ingest';
import { sql } from '../store/sql';
import { startRig, untilIdle, type SyncRig } from './testing';
import { createSandboxConnector } from '../connectors/sandbox/connector';

let rig: SyncRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const by = { actor: 'me', device: 'desk-1' };

async function alertFlags(r: SyncRig) {
  return r.temp.store.reader.all<{ external_id: string; source: string; report_count: number; reasons: string }>(
    sql`SELECT m.external_id, f.source, f.report_count, f.reasons FROM flags f JOIN messages m ON m.id = f.message_id WHERE f.source = 'rule' ORDER BY m.external_id`,
  );
}

describe('the messages stream', () => {
  it('flags a synced message that matches an enabled alert rule exactly once, and a re-pulled page flags nothing twice', async () => {
    rig = await startRig({ volume: 20, reports: 0 });
    const { store } = rig.temp;
    await enabledAlertRule(store, { name: 'Crypto spam', match: { kind: 'keywords', words: ['airdrop'], match: 'any' } }, by, Date.now());
    const community = rig.server.world().communities.find((c) => c.acceptsMembers)?.id ?? '';
    rig.server.post({ communityId: community, personId: 'u_3', body: 'good morning everyone' });
    const spam = rig.server.post({ communityId: community, personId: 'u_7', body: 'Claim your AIRDROP now at <b>x.io</b>' });
    rig.server.post({ communityId: community, personId: 'u_8', body: 'mods?' });

    const engine = rig.engine();
    await engine.runNow();
    await untilIdle(engine);
    expect(await alertFlags(rig)).toEqual([{ external_id: spam?.id, source: 'rule', report_count: 1, reasons: '["Alert rule “Crypto spam”: keyword “airdrop”"]' }]);
    expect(await store.reader.get(sql`SELECT count(*) AS n FROM messages`)).toEqual({ n: 3 });
    expect(await store.reader.get(sql`SELECT m.body, mb.display_name IS NOT NULL AS has_author FROM messages m JOIN members mb ON mb.id = m.author_member_id
      WHERE m.external_id = ${spam?.id ?? ''}`)).toEqual({ body: 'Claim your AIRDROP now at <b>x.io</b>', has_author: 1 });

    // The same page again (a cursor lost to a crash), through the ingest the stream uses: no second flag, no second report.
    const page = await createSandboxConnector({ baseUrl: rig.server.url, token: rig.server.token }).pullMessages(null);
    await store.writer.transaction((tx) => ingestMessages(tx, rig?.connectionId ?? '', page.items, Date.now()), { durability: 'replayable' });
    // And a later run from the committed cursor, with one more matching message.
    const later = rig.server.post({ communityId: community, personId: 'u_9', body: 'airdrop round two' });
    await engine.runNow();
    await untilIdle(engine);
    expect((await alertFlags(rig)).map((f) => [f.external_id, f.report_count])).toEqual([
      [spam?.id, 1],
      [later?.id, 1],
    ].sort());
    expect(await store.reader.get(sql`SELECT count(*) AS n FROM reports WHERE rule_id IS NOT NULL`)).toEqual({ n: 2 });
    expect(await readCursor(store.reader, rig.connectionId, 'messages')).toMatchObject({ itemsTotal: 4, lastError: null });
  });

  it('ingests a busy hour of traffic set-based, keeping the event loop free', async () => {
    rig = await startRig({ volume: 20, reports: 0 });
    await enabledAlertRule(rig.temp.store, { name: 'Links', match: { kind: 'link-domains', domains: ['scam.io'] } }, by, Date.now());
    await enabledAlertRule(rig.temp.store, { name: 'Words', match: { kind: 'keywords', words: ['watches', 'crypto', 'idiot'], match: 'any' } }, by, Date.now());
    const volume = 20_000;
    rig.server.advance({ messages: volume });
    // Whether the event loop stayed free is counted, not timed (speed targets live in test/bench):
    // a ticker takes one turn per loop iteration, and each page pull notes how many it has had.
    let turns = 0;
    let running = true;
    const ticker = (async () => {
      while (running) {
        await new Promise((resolve) => setImmediate(resolve));
        turns++;
      }
    })();
    const turnsAtPull: number[] = [];
    const engine = rig.engine({
      connectorFor: async (id) => {
        const connector = await rig?.connectorFor(id);
        if (!connector) return null;
        return {
          ...connector,
          pullMessages: (cursor, options) => {
            turnsAtPull.push(turns);
            return connector.pullMessages(cursor, options);
          },
        };
      },
    });
    const started = performance.now();
    await engine.runNow();
    await untilIdle(engine, 120_000);
    const seconds = (performance.now() - started) / 1000;
    running = false;
    await ticker;
    expect(await rig.temp.store.reader.get(sql`SELECT count(*) AS n FROM messages`)).toEqual({ n: volume });
    const flagged = await rig.temp.store.reader.get<{ n: number }>(sql`SELECT count(*) AS n FROM flags WHERE source = 'rule'`);
    console.info(
      `[sync] ${volume.toLocaleString()} messages with 2 alert rules in ${seconds.toFixed(1)} s: ${Math.round(volume / seconds)} messages/s, ` +
        `${flagged?.n} flagged; ${turnsAtPull.length} pages, ${turns} event-loop turns for other work (Sandbox in the same process)`,
    );
    expect(flagged?.n).toBeGreaterThan(0);
    // Set-based per page, several pages; and other work got a turn between every two pulls,
    // so no stretch of pulling and ingesting held the loop.
    expect(turnsAtPull.length).toBeGreaterThan(1);
    expect(turnsAtPull.every((at, i) => i === 0 || at > (turnsAtPull[i - 1] ?? Infinity))).toBe(true);
    expect(turns).toBeGreaterThan(turnsAtPull.at(-1) ?? Infinity);
  }, 150_000);
});
