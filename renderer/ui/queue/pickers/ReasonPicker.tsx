import { useState, type ReactNode } from 'react';
import type { DecisionReason } from '@shared/domain/decisions';
import { Dialog } from '../../dialog';
import { ChoiceList } from './ChoiceList';
import { DialogButtons } from './DialogButtons';
import { pickerKeyHandler } from './pickerKeys';
import { ReasonLibraryEditor } from './ReasonLibraryEditor';
import type { ReasonLibrary } from './useReasonLibrary';

/** What the moderator picked: a reason of the library, or a one-off text typed for this decision. */
export type ReasonPick = { readonly kind: 'library'; readonly reason: DecisionReason } | { readonly kind: 'one-off'; readonly text: string };

/** The words of one picker: a decline's reason, or a removal's warning. */
export interface ReasonPickerWords {
  readonly title: string;
  readonly legend: string;
  /** When the library is empty. */
  readonly empty: string;
  readonly oneOffLabel: ReactNode;
  readonly oneOffMaxLength: number;
  /** The primary button ("Decline", "Remove and warn"). */
  readonly confirm: string;
  /** The button that opens the library editor. */
  readonly edit: string;
}

interface Props {
  readonly words: ReasonPickerWords;
  /** Names the radio group. */
  readonly name: string;
  readonly library: ReasonLibrary;
  readonly onChoose: (pick: ReasonPick) => void;
  readonly onCancel: () => void;
  /** Between the one-off field and the buttons: what the pick will read as (the warning preview). */
  readonly children?: (pick: ReasonPick | null) => ReactNode;
}

/** Picks a reason from the library (1–9) or takes a one-off; Enter confirms. The library can be edited in place. */
export function ReasonPicker({ words, name, library, onChoose, onCancel, children }: Props) {
  const { reasons } = library;
  const [picked, setPicked] = useState(0);
  const [oneOff, setOneOff] = useState('');
  const [editing, setEditing] = useState(false);
  const typed = oneOff.trim();
  const reason = reasons[picked];
  const pick: ReasonPick | null = typed ? { kind: 'one-off', text: typed } : reason ? { kind: 'library', reason } : null;
  const choose = (index: number) => {
    setPicked(index);
    setOneOff('');
  };
  const confirm = () => {
    if (pick) onChoose(pick);
  };

  return (
    <Dialog title={words.title} onCancel={onCancel} onKeyDown={pickerKeyHandler({ choiceCount: reasons.length, onPick: choose, onConfirm: confirm, onCancel })} wide>
      <ChoiceList
        legend={words.legend}
        hint={reasons.length > 0 ? '(1–9 picks, Enter confirms)' : null}
        name={name}
        choices={reasons.map((item) => ({ id: item.id, label: item.label, detail: item.text }))}
        checked={typed ? null : picked}
        autofocus={picked}
        onPick={choose}
        note={library.loaded && reasons.length === 0 && <p className="mb-muted">{words.empty}</p>}
      />
      <label className="jr-field">
        <span>{words.oneOffLabel}</span>
        <input
          className="mb-search"
          dir="auto"
          maxLength={words.oneOffMaxLength}
          placeholder="Used instead of the picked reason"
          value={oneOff}
          onChange={(event) => setOneOff(event.target.value)}
        />
      </label>
      {children?.(pick)}
      <DialogButtons confirmLabel={words.confirm} canConfirm={pick !== null} onConfirm={confirm} onCancel={onCancel} cancelLabel="Cancel">
        <button type="button" className="mb-button" aria-expanded={editing} onClick={() => setEditing((open) => !open)}>
          {words.edit}
        </button>
      </DialogButtons>
      {editing && <ReasonLibraryEditor library={library} />}
      {library.error && (
        <p role="alert" className="mb-error">
          {library.error}
        </p>
      )}
    </Dialog>
  );
}
