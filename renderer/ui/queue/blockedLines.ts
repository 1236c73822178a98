/**
 * "Ban: “Forum” cannot ban members (discourse)." — one line per reason, the actions it
 * disables joined, so why a button is disabled is on screen, not only in a tooltip a
 * keyboard cannot reach. `actions`: each action's verb and why it is blocked (or null).
 */
export function blockedLines(actions: readonly (readonly [verb: string, reason: string | null])[]): string[] {
  const byReason = new Map<string, string[]>();
  for (const [verb, reason] of actions) if (reason) byReason.set(reason, [...(byReason.get(reason) ?? []), verb]);
  return [...byReason].map(([reason, verbs]) => `${verbs.join(', ')}: ${reason}`);
}
