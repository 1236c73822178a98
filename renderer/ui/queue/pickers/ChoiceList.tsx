import type { ReactNode } from 'react';

export interface Choice {
  readonly id: string;
  readonly label: string;
  /** Beside the label: the reason's text, or what an option does. */
  readonly detail?: string;
  /** Why it cannot be chosen, if it cannot: shown instead of the detail, and the choice disabled. */
  readonly blocked?: string | null;
}

interface Props {
  readonly legend: string;
  /** After the legend, muted ("(1–9 picks, Enter confirms)"). */
  readonly hint?: string | null;
  /** The radio group's name. */
  readonly name: string;
  readonly choices: readonly Choice[];
  /** The checked choice; null when none is (a one-off text replaces the pick). */
  readonly checked: number | null;
  /** The choice focus starts on. */
  readonly autofocus: number;
  readonly onPick: (index: number) => void;
  /** Shown under the legend, e.g. when the library is empty. */
  readonly note?: ReactNode;
}

/** A picker's choices as radios, the first nine numbered for their key. User text stays text, in its own direction. */
export function ChoiceList({ legend, hint, name, choices, checked, autofocus, onPick, note }: Props) {
  return (
    <fieldset className="jr-reasons">
      <legend>
        {legend} {hint && <span className="mb-muted">{hint}</span>}
      </legend>
      {note}
      {choices.map((choice, index) => (
        <label key={choice.id} className="jr-reason" title={choice.blocked ?? undefined}>
          <input
            type="radio"
            name={name}
            checked={checked === index}
            disabled={Boolean(choice.blocked)}
            onChange={() => onPick(index)}
            data-autofocus={index === autofocus ? '' : undefined}
          />
          <kbd aria-hidden="true">{index < 9 ? index + 1 : '·'}</kbd>
          <span className="jr-reason-label" dir="auto">
            {choice.label}
          </span>
          <span className="mb-muted mb-text" dir="auto">
            {choice.blocked ?? choice.detail ?? ''}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
