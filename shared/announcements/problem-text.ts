import { assertNever } from '../assert-never';
import type { PreflightProblem } from '../domain/announcements';

const list = (items: readonly string[]) => items.map((p) => `{{${p}}}`).join(', ');

/** One line a moderator can act on, for the preview table and for refusals. */
export function describeProblem(problem: PreflightProblem): string {
  switch (problem.kind) {
    case 'missing-value':
      return `No value for ${list(problem.placeholders)} in this community`;
    case 'unknown-placeholder':
      return `Unknown placeholder ${list(problem.placeholders)}`;
    case 'empty':
      return 'The text is empty';
    case 'too-long':
      return `${problem.length.toLocaleString('en-US')} characters; the platform allows ${problem.limit.toLocaleString('en-US')}`;
    case 'cannot-post':
      return `Cannot post here: ${problem.reason}`;
    case 'connection-paused':
      return problem.state === 'needs-reauth' ? 'Connection needs re-authentication' : 'Connection is paused';
    case 'quiet-hours':
      return `Quiet hours (${problem.window})`;
    case 'invalid-quiet-hours':
      return `Quiet hours “${problem.value}” are not HH:MM-HH:MM [zone]`;
    default:
      return assertNever(problem, 'preflight problem');
  }
}
