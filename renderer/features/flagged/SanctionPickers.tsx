import type { FlagAction } from '@shared/contract/flagged';
import type { ConnectionCapabilities, FlaggedRow } from '@shared/domain/flagged';
import { canDo } from '@shared/flags/actions';
import { OptionPicker } from '../../ui/queue/pickers/OptionPicker';
import { MUTE_CHOICES, PURGE_CHOICES } from './durations';

interface Props {
  readonly description: string;
  readonly rows: readonly FlaggedRow[];
  readonly capabilities: readonly ConnectionCapabilities[] | undefined;
  readonly onChoose: (action: FlagAction) => void;
  readonly onCancel: () => void;
}

/** `m`: how long. A length the platform cannot do (an indefinite mute on Discourse) is shown disabled, with why. */
export function MutePicker({ description, rows, capabilities, onChoose, onCancel }: Props) {
  const reached = capabilities?.filter((c) => rows.some((row) => row.connectionId === c.connectionId)) ?? [];
  const options = MUTE_CHOICES.map((choice) => {
    const unable = reached.filter((c) => !canDo(c, 'mute', choice.minutes !== null));
    return {
      id: choice.label,
      label: choice.label,
      value: choice.minutes,
      blocked: unable.length > 0 ? `${unable.map((c) => c.name).join(', ')} cannot mute ${choice.minutes === null ? 'indefinitely' : 'for a time'}` : null,
    };
  });
  const first = Math.max(0, options.findIndex((o) => o.value === 24 * 60 && !o.blocked));
  return (
    <OptionPicker
      title={`Mute the author of ${description}`}
      legend="For how long"
      options={options}
      initial={first}
      confirmLabel="Mute"
      onChoose={(minutes) => onChoose({ kind: 'mute', minutes })}
      onCancel={onCancel}
    />
  );
}

/** `p`: how far back the author's messages are removed, in every community they are stored for. */
export function PurgePicker({ description, onChoose, onCancel }: Omit<Props, 'rows' | 'capabilities'>) {
  return (
    <OptionPicker
      title={`Purge the recent messages of the author of ${description}`}
      legend="Messages sent in"
      options={PURGE_CHOICES.map((choice) => ({ id: choice.label, label: choice.label, value: choice.hours }))}
      initial={1}
      confirmLabel="Purge"
      onChoose={(withinHours) => onChoose({ kind: 'purge', withinHours })}
      onCancel={onCancel}
    />
  );
}
