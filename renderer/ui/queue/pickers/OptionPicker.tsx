import { useState, type ReactNode } from 'react';
import { Dialog } from '../../dialog';
import { ChoiceList, type Choice } from './ChoiceList';
import { DialogButtons } from './DialogButtons';
import { pickerKeyHandler } from './pickerKeys';

export interface PickerOption<T> extends Choice {
  readonly value: T;
}

interface Props<T> {
  readonly title: string;
  readonly legend: string;
  readonly options: readonly PickerOption<T>[];
  readonly initial?: number;
  readonly confirmLabel: string;
  readonly onChoose: (value: T, index: number) => void;
  readonly onCancel: () => void;
  /** Below the options: what the choice needs more of (the ban's community list). */
  readonly children?: (picked: number) => ReactNode;
  /** Lets the parent refuse Enter (nothing ticked yet). */
  readonly ready?: (picked: number) => boolean;
}

/**
 * A keyboard-first choice: 1–9 pick, Enter confirms, Escape cancels (the same keys as the
 * reason picker). Options a platform cannot do are shown, disabled, with the reason.
 */
export function OptionPicker<T>({ title, legend, options, initial = 0, confirmLabel, onChoose, onCancel, children, ready }: Props<T>) {
  const [picked, setPicked] = useState(initial);
  const option = options[picked];
  const canConfirm = option !== undefined && !option.blocked && (ready?.(picked) ?? true);
  const confirm = () => {
    if (canConfirm) onChoose(option.value, picked);
  };
  const onKeyDown = pickerKeyHandler({
    choiceCount: options.length,
    onPick: (index) => {
      if (!options[index]?.blocked) setPicked(index);
    },
    onConfirm: confirm,
    onCancel,
  });
  return (
    <Dialog title={title} onCancel={onCancel} onKeyDown={onKeyDown} wide>
      <ChoiceList
        legend={legend}
        hint={`(1–${Math.min(9, options.length)} picks, Enter confirms)`}
        name="mb-option"
        choices={options}
        checked={picked}
        autofocus={picked}
        onPick={setPicked}
      />
      {children?.(picked)}
      <DialogButtons confirmLabel={confirmLabel} canConfirm={canConfirm} onConfirm={confirm} onCancel={onCancel} />
    </Dialog>
  );
}
