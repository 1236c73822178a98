import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { reasonPickerIntent } from '@shared/keyboard/join-request-keys';
import { Dialog, isTextEntry } from '../../ui/dialog';

export interface PickerOption<T> {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly value: T;
  /** Why it cannot be chosen, if it cannot. */
  readonly blocked?: string | null;
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
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const intent = reasonPickerIntent(event, { reasonCount: Math.min(9, options.length), typing: isTextEntry(event.target) });
    switch (intent.kind) {
      case 'pick':
        if (!options[intent.index]?.blocked) setPicked(intent.index);
        break;
      case 'confirm':
        confirm();
        break;
      case 'cancel':
        onCancel();
        break;
      case 'none':
        return;
    }
    event.preventDefault();
  };
  return (
    <Dialog title={title} onCancel={onCancel} onKeyDown={onKeyDown} wide>
      <fieldset className="jr-reasons">
        <legend>
          {legend} <span className="mb-muted">(1–{Math.min(9, options.length)} picks, Enter confirms)</span>
        </legend>
        {options.map((item, index) => (
          <label key={item.id} className="jr-reason" title={item.blocked ?? undefined}>
            <input
              type="radio"
              name="fl-option"
              checked={picked === index}
              disabled={Boolean(item.blocked)}
              onChange={() => setPicked(index)}
              data-autofocus={index === picked ? '' : undefined}
            />
            <kbd aria-hidden="true">{index < 9 ? index + 1 : '·'}</kbd>
            <span className="jr-reason-label">{item.label}</span>
            <span className="mb-muted mb-text">{item.blocked ?? item.hint ?? ''}</span>
          </label>
        ))}
      </fieldset>
      {children?.(picked)}
      <p className="jr-dialog-actions">
        <button type="button" className="mb-button mb-button--primary" disabled={!canConfirm} onClick={confirm}>
          {confirmLabel} (Enter)
        </button>
        <button type="button" className="mb-button" onClick={onCancel}>
          Cancel (Escape)
        </button>
      </p>
    </Dialog>
  );
}
