import type { ConnectionKind, ConnectionState } from '../domain/connection';
import type { AnnouncementContent, PreflightProblem, PreviewRow } from '../domain/announcements';
import { placeholderValues, type CommunityValues } from './community-values';
import { QUIET_HOURS_FIELD } from './placeholders';
import { parseQuietHours, quietUntil } from './quiet-hours';
import { renderTemplate } from './template';
import { chooseVariant } from './variants';

/** What the connector says it can do for announcements on this target's connection. */
export interface PostingAbility {
  readonly send: boolean;
  readonly edit: boolean;
  readonly delete: boolean;
  /** Why it cannot at all (no connector, no credentials), shown instead of a capability list. */
  readonly unavailable: string | null;
  /** The platform's longest message (UTF-16 code units, as the platforms' own checks count), if it has one. */
  readonly maxLength: number | null;
}

/** Everything preflight needs about one target. */
export interface TargetFacts extends CommunityValues {
  readonly communityId: string;
  readonly depth: number;
  readonly platform: ConnectionKind;
  readonly connectionName: string;
  readonly connectionState: ConnectionState;
  readonly posting: PostingAbility;
}

export type Purpose = 'send' | 'edit';

export interface PreflightOptions {
  readonly purpose: Purpose;
  /** When the posts would go (now, or the scheduled time): quiet hours are checked then. */
  readonly at: number;
  /** Custom fields the user defined; a placeholder naming another field is unknown. */
  readonly definedFields: readonly string[];
}

function postingProblems(facts: TargetFacts, purpose: Purpose): PreflightProblem[] {
  const { posting } = facts;
  if (posting.unavailable !== null) return [{ kind: 'cannot-post', reason: posting.unavailable }];
  if (purpose === 'send' && !posting.send) return [{ kind: 'cannot-post', reason: `${facts.platform} connections cannot post announcements` }];
  if (purpose === 'edit' && !posting.edit) return [{ kind: 'cannot-post', reason: `${facts.platform} connections cannot edit announcements` }];
  return [];
}

function quietHoursProblems(facts: TargetFacts, at: number): PreflightProblem[] {
  const raw = facts.fields[QUIET_HOURS_FIELD];
  if (raw === undefined || raw.trim() === '') return [];
  const hours = parseQuietHours(raw);
  if (!hours) return [{ kind: 'invalid-quiet-hours', value: raw }];
  const until = quietUntil(hours, at);
  return until === null ? [] : [{ kind: 'quiet-hours', window: hours.text, endsAt: until }];
}

/** One target's exact text and every reason it cannot be sent as it stands. */
export function previewTarget(facts: TargetFacts, content: AnnouncementContent, options: PreflightOptions, excluded: boolean): PreviewRow {
  const chosen = chooseVariant(content, facts.language);
  const rendered = renderTemplate(chosen.template, placeholderValues(facts, options.definedFields));
  const limit = facts.posting.maxLength;
  const problems: PreflightProblem[] = [];
  if (rendered.missing.length > 0) problems.push({ kind: 'missing-value', placeholders: rendered.missing });
  if (rendered.unknown.length > 0) problems.push({ kind: 'unknown-placeholder', placeholders: rendered.unknown });
  if (rendered.text.trim() === '') problems.push({ kind: 'empty' });
  if (limit !== null && rendered.text.length > limit) problems.push({ kind: 'too-long', length: rendered.text.length, limit });
  problems.push(...postingProblems(facts, options.purpose));
  if (facts.connectionState !== 'active') problems.push({ kind: 'connection-paused', state: facts.connectionState });
  if (options.purpose === 'send') problems.push(...quietHoursProblems(facts, options.at));
  return {
    communityId: facts.communityId,
    communityName: facts.name,
    depth: facts.depth,
    platform: facts.platform,
    connectionName: facts.connectionName,
    language: facts.language,
    variant: chosen.variant,
    text: rendered.text,
    length: rendered.text.length,
    limit,
    memberCount: facts.memberCount,
    status: excluded ? 'excluded' : problems.length > 0 ? 'problem' : 'ready',
    problems,
  };
}
