import type { RowWindow, SortSpec, WindowRequest } from '@shared/table/window';
import type { Reader, TrackedTable } from './database';
import { toFtsQuery } from './fts';
import { joinSql, sql, trusted, whereAll, type SqlQuery, type SqlValue } from './sql';
import type { WindowCache} from './window-cache';
import { type Anchor } from './window-cache';

/**
 * How one queue is paged. The inner query filters and orders on `from` alone and
 * returns the row keys of one window; the outer query joins what the rows display.
 * Every sort expression should be backed by an index whose tail is the tie-break.
 */
export interface WindowSpec<C extends string, F, Raw, Row> {
  readonly name: string;
  readonly tables: readonly TrackedTable[];
  /** Driving table and any joins the filters and sort keys need, e.g. `join_requests j`. */
  readonly from: SqlQuery;
  /** A unique, NOT NULL integer key of the driving table, e.g. `j.seq`. */
  readonly tiebreak: string;
  readonly sortColumns: Readonly<Record<C, string>>;
  readonly defaultSort: readonly SortSpec<C>[];
  conditions(filters: F): SqlQuery[];
  /** A cheaper exact count for filter-only queries (no search), e.g. from `queue_counts`. */
  fastCount?(filters: F): SqlQuery | null;
  /** Condition for a search: `fts` is a sanitised FTS5 query, `text` the trimmed input. */
  search?(terms: { readonly fts: string; readonly text: string }): SqlQuery;
  /**
   * The same search as a FROM that starts at the full-text match and CROSS JOINs to the
   * driving table under the same alias, so SQLite visits only the matches. `search` walks
   * the queue's sort index and probes each row, which is quick for a common word but
   * visits every row of the queue to count a rare one.
   */
  searchFrom?(fts: string): { readonly from: SqlQuery; readonly match: SqlQuery };
  /** Output: `SELECT <select> FROM <page> JOIN <outer>`; `page.k` holds the tie-break key. */
  readonly select: SqlQuery;
  readonly outer: SqlQuery;
  toRow(raw: Raw): Row;
}

/** Rows between two anchors; a deep window walks at most this many index entries. */
export const ANCHOR_STEP = 4096;

/**
 * Up to this many matches a search window sorts the matches themselves (from the full-text
 * index); beyond it, walking the sort index finds the first rows sooner than sorting all.
 */
export const SORT_MATCHES_UP_TO = 50_000;

export interface WindowContext {
  readonly reader: Reader;
  versionOf(table: TrackedTable): number;
  readonly cache: WindowCache;
  /** Tests set it to take one path or the other; defaults to SORT_MATCHES_UP_TO. */
  readonly sortMatchesUpTo?: number;
}

interface Plan {
  readonly from: SqlQuery;
  readonly where: readonly SqlQuery[];
  /** The same rows reached from the full-text match, when the spec can start there. */
  readonly driven: { readonly from: SqlQuery; readonly where: readonly SqlQuery[] } | null;
  readonly keys: readonly string[];
  readonly desc: readonly boolean[];
  readonly orderBy: SqlQuery;
  readonly cacheKey: string;
}

function plan<C extends string, F>(spec: WindowSpec<C, F, unknown, unknown>, request: WindowRequest<C, F>): Plan | null {
  const sort = request.sort.length > 0 ? request.sort : spec.defaultSort;
  const where = spec.conditions(request.filters);
  const text = request.search?.trim() ?? '';
  const search = text ? toFtsQuery(text) : null;
  // Input made only of punctuation or invisible characters matches nothing.
  if (text && !search) return null;
  const conditions = [...where];
  if (search && spec.search) where.push(spec.search({ fts: search, text }));
  const driver = search ? (spec.searchFrom?.(search) ?? null) : null;
  const driven = driver ? { from: driver.from, where: [...conditions, driver.match] } : null;
  const keys = [...sort.map((s) => spec.sortColumns[s.column]), spec.tiebreak];
  // The tie-break follows the primary direction so uniform sorts stay index-friendly.
  const desc = [...sort.map((s) => s.desc), sort[0]?.desc ?? false];
  const orderBy = trusted(keys.map((key, i) => `${key} ${desc[i] ? 'DESC' : 'ASC'}`).join(', '));
  const cacheKey = JSON.stringify([spec.name, request.filters, search, sort]);
  return { from: spec.from, where, driven, keys, desc, orderBy, cacheKey };
}

/** `(k1, k2, …) > (?, ?, …)` when all directions agree, else the expanded OR form. */
export function keysetAfter(keys: readonly string[], desc: readonly boolean[], values: readonly SqlValue[]): SqlQuery {
  const uniform = desc.every((d) => d === desc[0]);
  if (uniform) {
    const placeholders = joinSql(values.map((v) => sql`${v}`), ', ');
    return sql`(${trusted(keys.join(', '))}) ${trusted(desc[0] ? '<' : '>')} (${placeholders})`;
  }
  const branches = keys.map((key, i) => {
    const equal = keys.slice(0, i).map((k, j) => sql`${trusted(k)} = ${values[j] ?? null}`);
    const beyond = sql`${trusted(key)} ${trusted(desc[i] ? '<' : '>')} ${values[i] ?? null}`;
    return sql`(${joinSql([...equal, beyond], ' AND ')})`;
  });
  return sql`(${joinSql(branches, ' OR ')})`;
}

export async function fetchWindow<C extends string, F, Raw, Row>(
  context: WindowContext,
  spec: WindowSpec<C, F, Raw, Row>,
  request: WindowRequest<C, F>,
): Promise<RowWindow<Row>> {
  const p = plan(spec as WindowSpec<C, F, unknown, unknown>, request);
  if (!p) return { rows: [], total: 0, offset: request.offset };
  const version = spec.tables.map((t) => context.versionOf(t)).join('.');
  const entry = context.cache.entry(p.cacheKey, version);

  const fast = request.search?.trim() ? null : (spec.fastCount?.(request.filters) ?? null);
  const total = await entry.total(async () => {
    // A search counts from its matches: visiting each match beats probing every row of the queue.
    const counted = p.driven ?? p;
    const counting = fast ?? sql`SELECT count(*) AS n FROM ${counted.from}${whereAll(counted.where)}`;
    const row = await context.reader.get<{ n: number | null }>(counting);
    return row?.n ?? 0;
  });
  if (request.offset >= total) return { rows: [], total, offset: request.offset };
  // Same rows, same order either way; the total picks the cheaper path (and so is stable per entry).
  const path = p.driven && total <= (context.sortMatchesUpTo ?? SORT_MATCHES_UP_TO) ? { ...p, ...p.driven } : p;

  const next = (from: Anchor | null) => nextAnchor(context.reader, spec, path, from);
  // Built on demand, never in the background: statements still running on the read
  // connection keep its snapshot open, so a window fetched right after a commit could
  // read (and cache under the new version) rows from before it.
  const anchor = await entry.anchorBefore(request.offset, ANCHOR_STEP, next);
  const conditions = anchor ? [...path.where, keysetAfter(p.keys, p.desc, anchor.keys)] : [...path.where];
  const skip = request.offset - (anchor ? anchor.offset + 1 : 0);
  const page = sql`SELECT ${trusted(spec.tiebreak)} AS k FROM ${path.from}${whereAll(conditions)} ORDER BY ${p.orderBy} LIMIT ${request.limit} OFFSET ${skip}`;
  const raws = await context.reader.all<Raw>(
    sql`SELECT ${spec.select} FROM (${page}) AS page JOIN ${spec.outer} ORDER BY ${p.orderBy}`,
  );
  return { rows: raws.map((raw) => spec.toRow(raw)), total, offset: request.offset };
}

/** The row ANCHOR_STEP positions after `from` (or the first step from the start). */
async function nextAnchor<C extends string, F>(
  reader: Reader,
  spec: WindowSpec<C, F, unknown, unknown>,
  p: Plan,
  from: Anchor | null,
): Promise<SqlValue[] | null> {
  const conditions = from ? [...p.where, keysetAfter(p.keys, p.desc, from.keys)] : [...p.where];
  const columns = trusted(p.keys.map((key, i) => `${key} AS k${i}`).join(', '));
  const row = await reader.get<Record<string, SqlValue>>(
    sql`SELECT ${columns} FROM ${p.from}${whereAll(conditions)} ORDER BY ${p.orderBy} LIMIT 1 OFFSET ${ANCHOR_STEP - 1}`,
  );
  return row ? p.keys.map((_, i) => row[`k${i}`] ?? null) : null;
}
