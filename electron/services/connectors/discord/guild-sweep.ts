import type { CancelSignal, Cursor, Page } from '@shared/connectors';
import { z } from 'zod';
import { jsonCursor } from '../http/json-cursor';
import type { DiscordApi } from './api';
import { dcGuilds, type DcGuild } from './wire';

/** `GET /users/@me/guilds` pages (limit ≤ 200, `after` = last guild id). */
export const GUILD_PAGE = 200;

/**
 * One pass over the bot's guilds, one HTTP call per page, so every call goes
 * through the engine's rate gate: first the guild list (page by page, turning each
 * guild into task keys such as `<guildId>:143`), then one task page at a time.
 * `marks` keep each task's position between passes (the last audit-log entry seen,
 * the last review time...); marks of guilds the bot left are dropped at the next pass.
 */
const sweepState = z.object({
  ph: z.enum(['guilds', 'tasks']),
  after: z.string().nullable(),
  todo: z.array(z.string()),
  marks: z.record(z.string(), z.string()),
});
type SweepState = z.output<typeof sweepState>;

export interface TaskPage<T> {
  readonly items: readonly T[];
  /** The task's position to keep; undefined forgets it (the next pass starts the task afresh). */
  readonly mark: string | undefined;
  /** More pages of this task are waiting now. */
  readonly more: boolean;
}

export interface SweepPlan<T> {
  /** Distinguishes this feed's cursors from others'. */
  readonly tag: string;
  /** The task keys for one guild; none when the bot lacks the rights (never call to be refused: 403s count toward a ban). */
  tasksFor(guild: DcGuild): readonly string[];
  /** Items the guild list itself yields (the guilds as communities). */
  itemsFor?(guild: DcGuild): readonly T[];
  run(key: string, mark: string | undefined, signal: CancelSignal | undefined): Promise<TaskPage<T>>;
}

export async function sweepPage<T>(api: DiscordApi, cursor: Cursor | null, plan: SweepPlan<T>, signal: CancelSignal | undefined): Promise<Page<T>> {
  const codec = jsonCursor(plan.tag, sweepState);
  const state = codec.decode(cursor, { ph: 'guilds', after: null, todo: [], marks: {} });
  if (state.ph === 'guilds') {
    const query = { limit: GUILD_PAGE, with_counts: 'true', ...(state.after ? { after: state.after } : {}) };
    const guilds = await api.read({ method: 'GET', path: 'users/@me/guilds', query, ...(signal ? { signal } : {}) }, dcGuilds, { notFound: 'community' });
    const todo = [...state.todo, ...guilds.flatMap((g) => plan.tasksFor(g))];
    const items = guilds.flatMap((g) => plan.itemsFor?.(g) ?? []);
    const last = guilds.at(-1);
    if (guilds.length === GUILD_PAGE && last) return { items, next: codec.encode({ ...state, after: last.id, todo }), complete: false };
    const marks = Object.fromEntries(Object.entries(state.marks).filter(([key]) => todo.includes(key)));
    return end(codec, { ph: 'tasks', after: null, todo, marks }, items);
  }
  const [key, ...rest] = state.todo;
  if (key === undefined) return end(codec, state, []);
  const page = await plan.run(key, state.marks[key], signal);
  const marks = { ...state.marks };
  if (page.mark === undefined) delete marks[key];
  else marks[key] = page.mark;
  return end(codec, { ...state, todo: page.more ? state.todo : rest, marks }, page.items);
}

function end<T>(codec: ReturnType<typeof jsonCursor<typeof sweepState>>, state: SweepState, items: readonly T[]): Page<T> {
  if (state.todo.length > 0) return { items, next: codec.encode(state), complete: false };
  return { items, next: codec.encode({ ph: 'guilds', after: null, todo: [], marks: state.marks }), complete: true };
}
