import { createElement as h, useState, type UIEvent } from 'react';
import { createRoot } from 'react-dom/client';
import {
  columnFilteringFeature,
  columnSizingFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { AnswersSelect } from './answers-select';
import { isUnanswered, loadRows, TEXT, type AnswersChoice, type PeerRow } from './peer-rows';

/**
 * The usual way to build this screen with TanStack Table v9: every row in memory, the
 * client-side row models sort and filter them, and the body renders only the rows in
 * view (fixed 28 px rows, the arithmetic TanStack Virtual does for fixed sizes; that
 * package is not installed here).
 */
const features = tableFeatures({
  columnSizingFeature,
  rowSortingFeature,
  columnFilteringFeature,
  sortedRowModel: createSortedRowModel(),
  filteredRowModel: createFilteredRowModel(),
  sortFns: { text: sortFn_text, basic: sortFn_basic },
});

const helper = createColumnHelper<typeof features, PeerRow>();
const columns = helper.columns([
  helper.accessor('personName', { header: 'Person', size: 200, sortFn: 'text' }),
  helper.accessor((row) => TEXT.community(row), { id: 'communityName', header: 'Community', size: 200, sortFn: 'text' }),
  helper.accessor('requestedAt', { header: 'Requested', size: 110, sortFn: 'basic', cell: (c) => TEXT.requested(c.row.original) }),
  helper.accessor((row) => row.accountCreatedAt ?? 0, { id: 'accountCreatedAt', header: 'Account age', size: 100, sortFn: 'basic', cell: (c) => TEXT.accountAge(c.row.original) }),
  helper.accessor('firstAnswer', {
    header: 'Answer',
    size: 260,
    enableSorting: false,
    filterFn: (row, _columnId, choice: AnswersChoice) => (choice === 'unanswered') === isUnanswered(row.original),
    cell: (c) => TEXT.answer(c.row.original),
  }),
  helper.accessor((row) => TEXT.signals(row), { id: 'signals', header: 'Signals', size: 240, enableSorting: false }),
  helper.accessor('status', { header: 'Status', size: 170, sortFn: 'text' }),
]);

const ROW_HEIGHT = 28;
const VIEW_HEIGHT = 820;

function TanStackPeer({ rows }: { rows: PeerRow[] }) {
  const [answers, setAnswers] = useState<AnswersChoice>('');
  const [top, setTop] = useState(0);
  const table = useTable({ features, columns, data: rows });
  const model = table.getRowModel().rows;
  window.__peer = { count: () => table.getRowModel().rows.length };
  const first = Math.floor(top / ROW_HEIGHT);
  const visible = model.slice(first, first + Math.ceil(VIEW_HEIGHT / ROW_HEIGHT) + 8);
  const choose = (value: AnswersChoice) => {
    setAnswers(value);
    table.setColumnFilters(value ? [{ id: 'firstAnswer', value }] : []);
  };
  const header = table.getHeaderGroups()[0]?.headers ?? [];
  return h(
    'div',
    { style: { font: '13px system-ui' } },
    h('div', { style: { padding: 8 } }, h(AnswersSelect, { value: answers, onChange: choose })),
    h(
      'div',
      {
        role: 'grid',
        'aria-label': 'Join requests',
        'aria-rowcount': model.length + 1,
        style: { height: VIEW_HEIGHT, overflow: 'auto', position: 'relative' },
        onScroll: (event: UIEvent<HTMLDivElement>) => setTop(event.currentTarget.scrollTop),
      },
      h(
        'div',
        { role: 'row', style: { display: 'flex', position: 'sticky', top: 0, background: '#eee', zIndex: 1 } },
        header.map((cell) =>
          h(
            'div',
            { key: cell.id, role: 'columnheader', style: { width: cell.getSize(), flex: 'none' } },
            h('button', { type: 'button', onClick: cell.column.getToggleSortingHandler() }, String(cell.column.columnDef.header ?? cell.id)),
          ),
        ),
      ),
      h(
        'div',
        { style: { height: model.length * ROW_HEIGHT, position: 'relative' } },
        visible.map((row, i) =>
          h(
            'div',
            {
              key: row.id,
              role: 'row',
              'aria-rowindex': first + i + 2,
              style: { display: 'flex', position: 'absolute', top: 0, height: ROW_HEIGHT, transform: `translateY(${(first + i) * ROW_HEIGHT}px)` },
            },
            row.getAllCells().map((cell) =>
              h('div', { key: cell.id, role: 'gridcell', style: { width: cell.column.getSize(), flex: 'none', overflow: 'hidden', whiteSpace: 'nowrap' } }, h(table.FlexRender, { cell })),
            ),
          ),
        ),
      ),
    ),
  );
}

const root = createRoot(document.getElementById('root') as HTMLElement);
void loadRows().then((rows) => root.render(h(TanStackPeer, { rows })));
