import { leftPendingNote } from '@shared/join-requests/decision-gate';
import { InlineText } from '../../ui/InlineText';
import { BulkConfirmDialog } from '../../ui/queue/pickers/BulkConfirmDialog';
import { ReasonPicker, type ReasonPick } from '../../ui/queue/pickers/ReasonPicker';
import type { ReasonLibrary } from '../../ui/queue/pickers/useReasonLibrary';
import { decisionVerb } from './decisionText';
import type { DecisionFlow, ReasonChoice } from './useDecisionFlow';

/** A decline's reason as main takes it: the library's by id (its label for the confirmation), or the typed text. */
const reasonChoice = (pick: ReasonPick): ReasonChoice => (pick.kind === 'library' ? { reasonId: pick.reason.id, label: pick.reason.label } : { reasonText: pick.text });

/** The dialog of the decision under way, if any: the reason picker, then the bulk confirmation. */
export function DecisionDialogs({ flow, reasons }: { flow: DecisionFlow; reasons: ReasonLibrary }) {
  const { step } = flow;
  switch (step.kind) {
    case 'idle':
      return null;
    case 'reason': {
      const verb = decisionVerb(step.decision);
      const words = {
        title: `${verb} ${step.resolved.description}`,
        legend: 'Reason',
        empty: 'The library is empty: type a reason below, or add some.',
        oneOffLabel: 'One-off reason',
        oneOffMaxLength: 500,
        confirm: verb,
        edit: 'Edit reason library',
      };
      return <ReasonPicker words={words} name="jr-reason" library={reasons} onChoose={(pick) => flow.chooseReason(reasonChoice(pick))} onCancel={flow.cancel} />;
    }
    case 'confirm': {
      const { decision, reason, preview } = step;
      const verb = decisionVerb(decision);
      return (
        <BulkConfirmDialog
          title={preview ? `${verb} ${preview.total.toLocaleString()} requests?` : `${verb}: counting the requests…`}
          verb={verb}
          rowsHeading="Requests"
          preview={preview}
          onConfirm={flow.confirm}
          onCancel={flow.cancel}
        >
          {reason && (
            <p>
              Reason: <InlineText text={'reasonId' in reason ? reason.label : reason.reasonText} />
            </p>
          )}
          {preview?.leftPending && <p className="jr-left-pending">{`${verb}: ${leftPendingNote(preview.leftPending, preview.total)}`}</p>}
        </BulkConfirmDialog>
      );
    }
  }
}
