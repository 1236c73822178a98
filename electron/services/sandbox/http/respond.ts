import type { z } from 'zod';
import type { ActionEffect } from '../action-log';
import type { HandledByRecord } from '../world/model';
import { iso } from './serialize';

/** What a route handler answers; the pipeline adds faults, logging and idempotency. */
export interface ApiResponse {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** For pushes: what happened to the world (defaults from the status). */
  readonly effect?: Exclude<ActionEffect, 'duplicate'>;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): ApiResponse => ({ status, body, ...(headers ? { headers } : {}) });

export const problem = (status: number, code: string, message: string, extra: Record<string, unknown> = {}): ApiResponse =>
  json(status, { error: { code, message, ...extra } });

export const notFound = (what: string): ApiResponse => problem(404, 'not_found', `No such ${what}`, { what });

/** 409 `already_handled`: someone (maybe us, with another key) got there first. Counts as success for the client. */
export const alreadyHandled = (by: HandledByRecord | null, state: string): ApiResponse => ({
  ...problem(409, 'already_handled', `Already ${state}`, { handled_by: by ? { name: by.name, at: iso(by.at) } : null, current_state: state }),
  effect: 'already-handled',
});

export const applied = (at: number, extra: { id?: string; url?: string } = {}, status = 200): ApiResponse => ({
  status,
  body: { result: 'applied', at: iso(at), ...extra },
  effect: 'applied',
});

/** Validates a request body; a failure is a 422 listing what was wrong. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): { ok: true; data: z.output<S> } | { ok: false; response: ApiResponse } {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return { ok: true, data: parsed.data };
  const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
  return { ok: false, response: problem(422, 'invalid_body', issues.join('; '), { issues }) };
}

/** `?limit=` within 1..max, or the default. */
export function parseLimit(query: URLSearchParams, fallback: number, max: number): number | ApiResponse {
  const raw = query.get('limit');
  if (raw === null) return fallback;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > max) return problem(400, 'bad_request', `limit must be an integer from 1 to ${max}`);
  return limit;
}
