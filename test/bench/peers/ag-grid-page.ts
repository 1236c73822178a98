import { createElement as h, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { AllCommunityModule, ModuleRegistry, type ColDef, type GridApi, type GridReadyEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { AnswersSelect } from './answers-select';
import { loadRows, TEXT, type AnswersChoice, type PeerRow } from './peer-rows';

/**
 * The usual way to build this screen with AG Grid Community: every row in the
 * client-side row model, sorting and filtering by the grid, rows virtualised by it.
 */
ModuleRegistry.registerModules([AllCommunityModule]);

const columns: ColDef<PeerRow>[] = [
  { colId: 'personName', field: 'personName', headerName: 'Person', width: 200 },
  { colId: 'communityName', headerName: 'Community', width: 200, valueGetter: (p) => (p.data ? TEXT.community(p.data) : '') },
  { colId: 'requestedAt', field: 'requestedAt', headerName: 'Requested', width: 110, valueFormatter: (p) => (p.data ? TEXT.requested(p.data) : '') },
  { colId: 'accountCreatedAt', field: 'accountCreatedAt', headerName: 'Account age', width: 100, valueFormatter: (p) => (p.data ? TEXT.accountAge(p.data) : '') },
  { colId: 'firstAnswer', field: 'firstAnswer', headerName: 'Answer', width: 260, valueFormatter: (p) => (p.data ? TEXT.answer(p.data) : '') },
  { colId: 'signals', headerName: 'Signals', width: 240, sortable: false, valueGetter: (p) => (p.data ? TEXT.signals(p.data) : '') },
  { colId: 'status', field: 'status', headerName: 'Status', width: 170 },
];

const FILTER: Record<AnswersChoice, Record<string, unknown> | null> = {
  '': null,
  answered: { firstAnswer: { filterType: 'text', type: 'notBlank' } },
  unanswered: { firstAnswer: { filterType: 'text', type: 'blank' } },
};

function AgGridPeer({ rows }: { rows: PeerRow[] }) {
  const api = useRef<GridApi<PeerRow> | null>(null);
  const [answers, setAnswers] = useState<AnswersChoice>('');
  const defaultColDef = useMemo<ColDef<PeerRow>>(() => ({ sortable: true, filter: true, resizable: true }), []);
  const onGridReady = (event: GridReadyEvent<PeerRow>) => {
    api.current = event.api;
    window.__peer = { count: () => event.api.getDisplayedRowCount() };
  };
  const choose = (value: AnswersChoice) => {
    setAnswers(value);
    api.current?.setFilterModel(FILTER[value]);
  };
  return h(
    'div',
    { style: { display: 'flex', flexDirection: 'column', height: '100vh' } },
    h('div', { style: { padding: 8 } }, h(AnswersSelect, { value: answers, onChange: choose })),
    h(
      'div',
      { style: { flex: 1 } },
      h(AgGridReact<PeerRow>, { rowData: rows, columnDefs: columns, defaultColDef, rowHeight: 28, getRowId: (p) => p.data.id, onGridReady }),
    ),
  );
}

const root = createRoot(document.getElementById('root') as HTMLElement);
void loadRows().then((rows) => root.render(h(AgGridPeer, { rows })));
