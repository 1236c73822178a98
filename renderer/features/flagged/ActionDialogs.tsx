import { assertNever } from '@shared/assert-never';
import type { ConnectionCapabilities } from '@shared/domain/flagged';
import { BulkConfirmDialog } from '../../ui/queue/pickers/BulkConfirmDialog';
import type { ReasonLibrary } from '../../ui/queue/pickers/useReasonLibrary';
import { actionVerb } from './actionText';
import { BanScopePicker } from './BanScopePicker';
import { DismissDialog } from './DismissDialog';
import { MutePicker, PurgePicker } from './SanctionPickers';
import type { ActionFlow } from './useActionFlow';
import { WarningPicker } from './WarningPicker';

interface Props {
  readonly flow: ActionFlow;
  readonly reasons: ReasonLibrary;
  readonly capabilities: readonly ConnectionCapabilities[] | undefined;
}

/** The dialog of the action under way, if any: what it needs, then the bulk confirmation. */
export function ActionDialogs({ flow, reasons, capabilities }: Props) {
  const { step } = flow;
  if (step.kind === 'idle') return null;
  if (step.kind === 'confirm') {
    const verb = actionVerb(step.action.kind);
    const { preview } = step;
    const title = preview ? `${verb}: ${preview.total.toLocaleString()} flags?` : `${verb}: counting the flags…`;
    return <BulkConfirmDialog title={title} verb={verb} rowsHeading="Flags" preview={preview} onConfirm={flow.confirm} onCancel={flow.cancel} />;
  }
  const { description, rows } = step.resolved;
  const common = { description, onChoose: flow.choose, onCancel: flow.cancel };
  const { action } = step;
  switch (action) {
    case 'dismiss':
      return <DismissDialog {...common} />;
    case 'remove-warn':
      return <WarningPicker {...common} sample={rows[0]} library={reasons} />;
    case 'mute':
      return <MutePicker {...common} rows={rows} capabilities={capabilities} />;
    case 'ban':
      return <BanScopePicker {...common} rows={rows} capabilities={capabilities} />;
    case 'purge':
      return <PurgePicker {...common} />;
    case 'remove':
    case 'kick':
      return null;
    default:
      return assertNever(action, 'flag action');
  }
}
