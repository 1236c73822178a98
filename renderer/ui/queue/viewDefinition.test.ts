import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compactFilters, queueViewCodec, type QueueViewState } from './viewDefinition';

const filtersSchema = z.object({ status: z.enum(['open', 'closed']).optional(), owner: z.string().min(1).optional() }).strict();
type Filters = z.infer<typeof filtersSchema>;
const codec = queueViewCodec<Filters>(filtersSchema, ['createdAt', 'name']);

const state: QueueViewState<Filters> = {
  filters: { status: 'open' },
  sort: [{ column: 'createdAt', desc: true }],
  search: 'crypto',
  layout: { order: ['name', 'status'], sizes: { name: 180 }, hidden: ['owner'], pinned: ['name'] },
};

describe('queueViewCodec', () => {
  it('round-trips a queue state through stored JSON', () => {
    const stored = JSON.parse(JSON.stringify(codec.toDefinition(state))) as unknown;
    expect(codec.fromDefinition(stored)).toEqual(state);
  });

  it('drops unset filters, so views that filter alike compare alike', () => {
    const loose = { ...state, filters: { status: 'open', owner: undefined } as Filters };
    expect(codec.toDefinition(loose)).toMatchObject({ filters: { status: 'open' } });
    expect(codec.sameViewState(loose, state)).toBe(true);
    expect(compactFilters({ a: '', b: undefined, c: 0, d: false })).toEqual({ c: 0, d: false });
  });

  it('notices any change, the column layout included', () => {
    expect(codec.sameViewState(state, { ...state, search: '' })).toBe(false);
    expect(codec.sameViewState(state, { ...state, layout: undefined })).toBe(false);
    expect(codec.sameViewState(state, { ...state, sort: [{ column: 'createdAt', desc: false }] })).toBe(false);
  });

  it('refuses what this version cannot read, instead of breaking the queue', () => {
    expect(codec.fromDefinition({ filters: { status: 'exploded' }, sort: [] })).toBeNull();
    expect(codec.fromDefinition({ filters: {}, sort: [{ column: 'personName', desc: false }] })).toBeNull();
    expect(codec.fromDefinition({ filters: { unknown: 1 }, sort: [] })).toBeNull();
    expect(codec.fromDefinition('nope')).toBeNull();
    expect(codec.fromDefinition({ filters: {}, sort: [], search: 'x'.repeat(100_000) })).toBeNull();
  });

  it('reads a definition saved without a search or layout', () => {
    expect(codec.fromDefinition({ filters: {}, sort: [] })).toEqual({ filters: {}, sort: [], search: '', layout: undefined });
  });
});
