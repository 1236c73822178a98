import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable } from './DataTable';
import { EMPTY_SELECTION, type SelectionState } from './selection';
import { MAX_TITLE_CHARS } from './text';
import type { DataTableColumn, RowSource, TableLayout } from './types';

interface Person {
  readonly id: string;
  readonly name: string;
  readonly note: string;
  readonly age: number;
}

const columns: readonly DataTableColumn<Person>[] = [
  { id: 'note', header: 'Note', size: 120, text: (row) => row.note },
  { id: 'name', header: 'Name', size: 200, sortable: true, pinned: true, text: (row) => row.name },
  { id: 'age', header: 'Age', size: 80, sortable: true, align: 'end', text: (row) => row.age },
  { id: 'secret', header: 'Secret', hidden: true, text: () => 'hidden column' },
];

function source(total: number, loaded: number, rows: (index: number) => Person = defaultRow): RowSource<Person> {
  return {
    queryKey: 'q',
    total,
    totalKnown: true,
    loading: false,
    error: null,
    getRow: (index) => (index < loaded ? rows(index) : undefined),
    ensureRange: () => undefined,
    loadRange: async () => null,
  };
}

function defaultRow(index: number): Person {
  return { id: `p${index}`, name: `Person ${index}`, note: '', age: 20 + index };
}

function render(options: {
  rows: RowSource<Person>;
  selection?: SelectionState;
  layout?: TableLayout;
  focusedIndex?: number;
}): string {
  return renderToStaticMarkup(
    <DataTable
      ariaLabel="People"
      columns={columns}
      getRowId={(row) => row.id}
      source={options.rows}
      sort={[{ column: 'name', desc: true }]}
      onSortChange={() => undefined}
      selection={options.selection ?? EMPTY_SELECTION}
      onSelectionChange={() => undefined}
      focusedIndex={options.focusedIndex}
      layout={options.layout}
      emptyState="Nobody here."
    />,
  );
}

/** Opening tags with a role: enough structure to assert on, since unit tests run in node without a DOM. */
function elements(html: string, role: string): string[] {
  return [...html.matchAll(new RegExp(`<div[^>]*role="${role}"[^>]*>`, 'g'))].map((match) => match[0]);
}

describe('DataTable markup', () => {
  it('is a named grid counting every row of the query plus the header', () => {
    const html = render({ rows: source(1_000_000, 20) });
    const [grid] = elements(html, 'grid');
    expect(grid).toContain('aria-label="People"');
    expect(grid).toContain('aria-rowcount="1000001"');
    expect(grid).toContain('aria-colcount="3"');
    expect(grid).toContain('aria-multiselectable="true"');
    expect(grid).toContain('tabindex="0"');
  });

  it('puts the pinned column first, sorts it, and leaves hidden columns out', () => {
    const html = render({ rows: source(10, 10) });
    const headers = elements(html, 'columnheader');
    expect(headers).toHaveLength(3);
    expect(headers[0]).toContain('aria-label="Name"');
    expect(headers[0]).toContain('aria-sort="descending"');
    expect(headers[0]).toContain('inset-inline-start:0');
    expect(headers[2]).toContain('aria-sort="none"');
    expect(headers[1]).not.toContain('aria-sort');
    expect(html).toContain('aria-label="Sort by Name"');
    expect(html).not.toContain('hidden column');
    expect(html).toContain('>Columns</button>');
  });

  it('numbers body rows after the header and marks selection and focus', () => {
    const selection: SelectionState = { rows: { mode: 'some', ids: new Set(['p1']) }, anchor: null };
    const html = render({ rows: source(50, 50), selection, focusedIndex: 2 });
    const rows = elements(html, 'row').filter((row) => row.includes('data-index'));
    expect(rows[0]).toContain('aria-rowindex="2"');
    expect(rows[0]).toContain('aria-selected="false"');
    expect(rows[1]).toContain('aria-selected="true"');
    const [grid] = elements(html, 'grid');
    const active = /aria-activedescendant="([^"]+)"/.exec(grid!)?.[1];
    expect(active).toBeDefined();
    expect(rows[2]).toContain(`id="${active}"`);
    expect(rows[2]).toContain('mb-dt-row-focused');
  });

  it('renders rows not loaded yet as busy placeholders that keep their index', () => {
    const html = render({ rows: source(50, 2) });
    const rows = elements(html, 'row').filter((row) => row.includes('data-index'));
    expect(rows[2]).toContain('aria-rowindex="4"');
    expect(rows[2]).toContain('aria-busy="true"');
    expect(rows[2]).toContain('mb-dt-row-loading');
  });

  it('shows placeholders as selected under select all', () => {
    const selection: SelectionState = { rows: { mode: 'all', except: new Set() }, anchor: null };
    const html = render({ rows: source(50, 0), selection });
    const rows = elements(html, 'row').filter((row) => row.includes('data-index'));
    expect(rows[0]).toContain('aria-selected="true"');
  });

  it('renders hostile strings as text with their own direction and a capped title', () => {
    const hostile = `<img src=x onerror=alert(1)>\u202Eevil${'x'.repeat(100_000)}`;
    const rows = source(1, 1, () => ({ id: 'h', name: hostile, note: '', age: 1 }));
    const html = render({ rows });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('dir="auto"');
    const title = /title="([^"]*)"/.exec(html)?.[1] ?? '';
    expect(title.length).toBeGreaterThan(MAX_TITLE_CHARS);
    expect(title.length).toBeLessThan(MAX_TITLE_CHARS + 100);
    expect(html.length).toBeLessThan(20_000);
  });

  it('shows the empty state only once the query answered with no rows', () => {
    expect(render({ rows: source(0, 0) })).toContain('Nobody here.');
    const loading = { ...source(0, 0), totalKnown: false, loading: true };
    expect(render({ rows: loading })).not.toContain('Nobody here.');
  });

  it('applies a saved layout, ignoring columns that no longer exist', () => {
    const layout: TableLayout = { order: ['age', 'gone', 'note', 'name'], sizes: { age: 150 }, hidden: ['note'], pinned: [] };
    const html = render({ rows: source(3, 3), layout });
    const headers = elements(html, 'columnheader');
    expect(headers.map((header) => /aria-label="([^"]+)"/.exec(header)?.[1])).toEqual(['Age', 'Name']);
    expect(headers[0]).toContain('width:150px');
  });
});
