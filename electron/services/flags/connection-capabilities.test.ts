import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_DESCRIPTOR } from '../connectors/sandbox/descriptor';
import { addConnection, openTempStore, type TempStore } from '../store/repositories/testing';
import { sql } from '../store/sql';
import { connectionCapabilities } from './connection-capabilities';

let temp: TempStore;
beforeEach(async () => {
  temp = await openTempStore('modboard-capabilities-');
  await addConnection(temp.store, 'SBX');
  await temp.store.writer.transaction((tx) =>
    tx.run(sql`INSERT INTO connections (id, kind, name, created_at, updated_at) VALUES ('FB', 'facebook-manual', 'FB group', 2, 2)`),
  );
});
afterEach(() => temp.cleanup());

describe('connectionCapabilities', () => {
  it('reads each connection’s descriptor, and the connector kind’s own when the connection has no credentials', async () => {
    const found = await connectionCapabilities(temp.store.reader, async () => null);
    expect(found).toEqual([
      { connectionId: 'SBX', name: 'Sandbox SBX', kind: 'sandbox', capabilities: SANDBOX_DESCRIPTOR.capabilities, bulkRemoveLimit: 100 },
      { connectionId: 'FB', name: 'FB group', kind: 'facebook-manual', capabilities: [], bulkRemoveLimit: null },
    ]);
  });
});
