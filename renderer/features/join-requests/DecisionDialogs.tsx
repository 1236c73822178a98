import { BulkConfirmDialog } from './BulkConfirmDialog';
import { ReasonPicker } from './ReasonPicker';
import type { DecisionFlow } from './useDecisionFlow';
import type { useReasons } from './useReasons';

/** The dialog of the decision under way, if any: the reason picker, then the bulk confirmation. */
export function DecisionDialogs({ flow, reasons }: { flow: DecisionFlow; reasons: ReturnType<typeof useReasons> }) {
  const { step } = flow;
  switch (step.kind) {
    case 'idle':
      return null;
    case 'reason':
      return (
        <ReasonPicker
          decision={step.decision}
          description={step.resolved.description}
          library={reasons}
          onChoose={flow.chooseReason}
          onCancel={flow.cancel}
        />
      );
    case 'confirm':
      return (
        <BulkConfirmDialog decision={step.decision} reason={step.reason} preview={step.preview} onConfirm={flow.confirm} onCancel={flow.cancel} />
      );
  }
}
