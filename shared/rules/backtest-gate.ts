/**
 * How recent a backtest must be for its rule (join-request or alert) to be enabled, and
 * what main answers when it is not. A day: the backtest shows what the rule would do to
 * the history stored when it ran; a busy desk syncs thousands of new items a day, so an
 * older run no longer shows what the moderator is agreeing to, while a day still covers
 * "test it now, enable it after lunch". Main enforces it (`electron/services/rules/backtest-record.ts`).
 */
export const BACKTEST_FRESH_HOURS = 24;

export const BACKTEST_REQUIRED = 'Backtest this rule before enabling it';

export function backtestRequiredMessage(why: 'never' | 'stale'): string {
  return why === 'never'
    ? `${BACKTEST_REQUIRED}: this exact definition has not been backtested.`
    : `${BACKTEST_REQUIRED}: its last backtest is more than ${BACKTEST_FRESH_HOURS} hours old.`;
}
