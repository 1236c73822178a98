import { AppFailure } from '@shared/result';
import type { ServiceContext } from '../../app/context';
import type { ConnectionService } from '../../connections/connection-service';
import { backtestAlertRule } from '../../flags/alert-rules/alert-backtest';
import { deleteAlertRule, listAlertRules, recordAlertBacktest, saveAlertRule } from '../../flags/alert-rules/rules-repository';
import { connectionCapabilities } from '../../flags/connection-capabilities';
import { decideFlags } from '../../flags/decide-flags';
import { exportCase } from '../../flags/evidence/export';
import { releaseEvidenceHold } from '../../flags/evidence-hold';
import { liftSanctions } from '../../flags/lift-sanctions';
import { undoFlagAction } from '../../flags/flag-undo';
import { removalReasons } from '../../flags/reason-library';
import { recentFlagActions } from '../../flags/recent-flag-actions';
import { flagBanScope } from '../../queries/flag-ban-scope';
import { flagDetail } from '../../queries/flag-detail';
import { previewFlagAction } from '../../queries/flag-preview';
import type { Handlers } from '../dispatch';

type FlagHandlers = Pick<
  Handlers,
  | 'flagged.detail'
  | 'flagged.preview'
  | 'flagged.decide'
  | 'flagged.banScope'
  | 'flagged.capabilities'
  | 'flagged.recentActions'
  | 'flagged.undo'
  | 'flagged.liftSanction'
  | 'flagged.export'
  | 'removalReasons.list'
  | 'removalReasons.save'
  | 'removalReasons.delete'
  | 'alertRules.list'
  | 'alertRules.save'
  | 'alertRules.delete'
  | 'alertRules.backtest'
>;

/** The one-off warning's `{{rule}}`, when no library reason names the rule. */
const ONE_OFF_RULE = 'the community rules';

/**
 * `decided` runs after a decision's transaction has committed (it keeps the decided
 * messages' files for the evidence, in the background) and settles once they are kept or
 * given up on: it must never hold the decision up. A removal whose files were not kept yet
 * was held in the outbox by the decision itself (`holdForEvidence`, at most 3 s), so the
 * platform cannot delete the files first; once they are kept, the hold is let go.
 */
export function flagHandlers(
  context: ServiceContext,
  connections: Pick<ConnectionService, 'connectorFor'>,
  wakeDrainer: () => void,
  decided: (actionId: string) => Promise<void> = async () => {},
): FlagHandlers {
  const { store } = context;
  const acting = () => ({ actor: context.actor, device: context.settings.get().deviceId, now: Date.now() });
  const capabilities = () => connectionCapabilities(store.reader, (id) => connections.connectorFor(id));
  return {
    'flagged.detail': ({ id }) => flagDetail(store.reader, id),
    'flagged.preview': ({ target, action }) => previewFlagAction(store.reader, target, action, Date.now()),
    'flagged.decide': async ({ target, action }) => {
      const warning =
        action.kind !== 'remove-warn'
          ? null
          : action.reasonId
            ? await removalReasons.get(store.reader, action.reasonId).then((reason) => ({ rule: reason.label, template: reason.text }))
            : { rule: ONE_OFF_RULE, template: action.warningText ?? '' };
      if (warning && !warning.template.trim()) throw new AppFailure('invalid-input', 'The warning is empty.');
      const { heldForEvidence, ...result } = await decideFlags(store, {
        target,
        action,
        warning,
        connections: await capabilities(),
        ...acting(),
        graceMs: context.settings.preferences().undoGraceSeconds * 1000,
      });
      wakeDrainer();
      const kept = decided(result.actionId);
      if (heldForEvidence)
        void kept
          .then(() => releaseEvidenceHold(store, result.actionId, result.graceUntil, Date.now()))
          .catch((error: unknown) => context.log.warn('Letting held pushes go failed; they go when the hold ends', { action: result.actionId, error: String(error) }));
      return result;
    },
    'flagged.banScope': async ({ flagId }) => flagBanScope(store.reader, flagId, await capabilities()),
    'flagged.capabilities': () => capabilities(),
    'flagged.recentActions': ({ limit }) => recentFlagActions(store.reader, limit),
    'flagged.undo': ({ actionId }) => undoFlagAction(store, { actionId, ...acting() }),
    'flagged.liftSanction': async (input) => {
      const result = await liftSanctions(store, {
        ...input,
        connections: await capabilities(),
        ...acting(),
        graceMs: context.settings.preferences().undoGraceSeconds * 1000,
      });
      wakeDrainer();
      return result;
    },
    'flagged.export': ({ flagId, format }) => exportCase(store.reader, flagId, format, Date.now()),
    'removalReasons.list': () => removalReasons.list(store.reader),
    'removalReasons.save': (input) => removalReasons.save(store, input, Date.now()),
    'removalReasons.delete': async ({ id }) => ({ deleted: await removalReasons.remove(store, id, Date.now()) }),
    'alertRules.list': () => listAlertRules(store.reader),
    'alertRules.save': ({ id, definition, enabled }) => {
      const { actor, device, now } = acting();
      return saveAlertRule(store, { id, definition, enabled, actor, device }, now);
    },
    'alertRules.delete': async ({ id }) => {
      const { actor, device, now } = acting();
      return { deleted: await deleteAlertRule(store, id, { actor, device }, now) };
    },
    'alertRules.backtest': async ({ definition }) => {
      const result = await backtestAlertRule(store.reader, definition);
      const { actor, device, now } = acting();
      await recordAlertBacktest(store, { definition, scanned: result.scanned, matched: result.matched, actor, device }, now);
      return result;
    },
  };
}
