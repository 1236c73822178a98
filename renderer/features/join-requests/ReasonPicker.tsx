import { useState, type KeyboardEvent } from 'react';
import type { JoinDecisionKind } from '@shared/domain/decisions';
import { reasonPickerIntent } from '@shared/keyboard/join-request-keys';
import { Dialog, isTextEntry } from '../../ui/dialog';
import { decisionVerb } from './decisionText';
import { ReasonLibraryEditor } from './ReasonLibraryEditor';
import type { ReasonChoice } from './useDecisionFlow';
import type { useReasons } from './useReasons';

interface Props {
  readonly decision: JoinDecisionKind;
  readonly description: string;
  readonly library: ReturnType<typeof useReasons>;
  readonly onChoose: (reason: ReasonChoice) => void;
  readonly onCancel: () => void;
}

const MAX_REASON = 500;

/** Picks the reason for a decline: 1–9 from the library, or a one-off; Enter confirms. */
export function ReasonPicker({ decision, description, library, onChoose, onCancel }: Props) {
  const { reasons } = library;
  const [picked, setPicked] = useState(0);
  const [oneOff, setOneOff] = useState('');
  const [editing, setEditing] = useState(false);
  const typed = oneOff.trim();
  const reason = reasons[picked];
  const chosen: ReasonChoice | null = typed ? { reasonText: typed } : reason ? { reasonId: reason.id, label: reason.label } : null;
  const verb = decisionVerb(decision);

  const confirm = () => {
    if (chosen) onChoose(chosen);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // The library editor's fields and buttons handle their own keys (Enter saves a reason there).
    if (event.target instanceof Element && event.target.closest('[data-reason-editor]')) return;
    const intent = reasonPickerIntent(event, { reasonCount: Math.min(9, reasons.length), typing: isTextEntry(event.target) });
    switch (intent.kind) {
      case 'pick':
        setPicked(intent.index);
        setOneOff('');
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
    <Dialog title={`${verb} ${description}`} onCancel={onCancel} onKeyDown={onKeyDown} wide>
      <fieldset className="jr-reasons">
        <legend>Reason {reasons.length > 0 && <span className="mb-muted">(1–9 picks, Enter confirms)</span>}</legend>
        {library.loaded && reasons.length === 0 && <p className="mb-muted">The library is empty: type a reason below, or add some.</p>}
        {reasons.map((item, index) => (
          <label key={item.id} className="jr-reason">
            <input
              type="radio"
              name="jr-reason"
              checked={!typed && picked === index}
              onChange={() => {
                setPicked(index);
                setOneOff('');
              }}
              data-autofocus={index === picked ? '' : undefined}
            />
            <kbd aria-hidden="true">{index < 9 ? index + 1 : '·'}</kbd>
            <span className="jr-reason-label" dir="auto">
              {item.label}
            </span>
            <span className="mb-muted mb-text" dir="auto">
              {item.text}
            </span>
          </label>
        ))}
      </fieldset>
      <label className="jr-field">
        <span>One-off reason</span>
        <input
          className="mb-search"
          dir="auto"
          maxLength={MAX_REASON}
          placeholder="Used instead of the picked reason"
          value={oneOff}
          onChange={(event) => setOneOff(event.target.value)}
        />
      </label>
      <p className="jr-dialog-actions">
        <button type="button" className="mb-button mb-button--primary" disabled={!chosen} onClick={confirm}>
          {verb} (Enter)
        </button>
        <button type="button" className="mb-button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="mb-button" aria-expanded={editing} onClick={() => setEditing((open) => !open)}>
          Edit reason library
        </button>
      </p>
      {editing && <ReasonLibraryEditor library={library} />}
      {library.error && (
        <p role="alert" className="mb-error">
          {library.error}
        </p>
      )}
    </Dialog>
  );
}
