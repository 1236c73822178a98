import type { AuditEntry } from '@shared/domain/audit';
import type { AUDIT_SORT_COLUMNS } from '@shared/contract/tables';
import { sql, trusted } from '../store/sql';
import type { WindowSpec } from '../store/window-query';

type Column = (typeof AUDIT_SORT_COLUMNS)[number];

interface Raw {
  id: string;
  at: number;
  actor: string;
  device: string;
  action: string;
  subject_type: string;
  subject_id: string;
  summary: string;
}

export const auditWindow: WindowSpec<Column, Record<string, never>, Raw, AuditEntry> = {
  name: 'audit',
  tables: ['audit_log'],
  from: trusted('audit_log a'),
  tiebreak: 'a.seq',
  sortColumns: { at: 'a.at' },
  defaultSort: [{ column: 'at', desc: true }],
  conditions: () => [],
  search: ({ text }) => sql`(instr(lower(a.summary), lower(${text})) > 0 OR a.action = ${text})`,
  select: trusted('a.id, a.at, a.actor, a.device, a.action, a.subject_type, a.subject_id, a.summary'),
  outer: trusted('audit_log a ON a.seq = page.k'),
  toRow: (r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    device: r.device,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    summary: r.summary,
  }),
};
