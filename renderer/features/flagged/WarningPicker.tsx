import { useState, type KeyboardEvent } from 'react';
import type { FlagAction } from '@shared/contract/flagged';
import type { FlaggedRow } from '@shared/domain/flagged';
import { MAX_WARNING_LENGTH, renderWarning } from '@shared/flags/warning-template';
import { reasonPickerIntent } from '@shared/keyboard/join-request-keys';
import { Dialog, isTextEntry } from '../../ui/dialog';
import { LongText } from '../join-requests/LongText';
import { ReasonLibraryEditor } from '../join-requests/ReasonLibraryEditor';
import type { RemovalReasons } from './useRemovalReasons';

interface Props {
  readonly description: string;
  /** The first message it applies to: the preview is rendered for it. */
  readonly sample: FlaggedRow | undefined;
  readonly library: RemovalReasons;
  readonly onChoose: (action: FlagAction) => void;
  readonly onCancel: () => void;
}

const ONE_OFF_RULE = 'the community rules';

/** Remove and warn: the warning from the removal-reason library (1–9) or a one-off, previewed as the author will read it. */
export function WarningPicker({ description, sample, library, onChoose, onCancel }: Props) {
  const { reasons } = library;
  const [picked, setPicked] = useState(0);
  const [oneOff, setOneOff] = useState('');
  const [editing, setEditing] = useState(false);
  const typed = oneOff.trim();
  const reason = reasons[picked];
  const action: FlagAction | null = typed ? { kind: 'remove-warn', warningText: typed } : reason ? { kind: 'remove-warn', reasonId: reason.id } : null;
  const preview = typed || reason ? renderWarning(typed || (reason?.text ?? ''), { rule: typed ? ONE_OFF_RULE : (reason?.label ?? ''), community: sample?.communityName ?? '', author: sample?.authorName ?? '' }) : '';

  const confirm = () => {
    if (action) onChoose(action);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
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
    <Dialog title={`Remove and warn: ${description}`} onCancel={onCancel} onKeyDown={onKeyDown} wide>
      <fieldset className="jr-reasons">
        <legend>Removal reason {reasons.length > 0 && <span className="mb-muted">(1–9 picks, Enter confirms)</span>}</legend>
        {library.loaded && reasons.length === 0 && <p className="mb-muted">The library is empty: type a warning below, or add reasons.</p>}
        {reasons.map((item, index) => (
          <label key={item.id} className="jr-reason">
            <input
              type="radio"
              name="fl-warning"
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
        <span>One-off warning ({'{{community}}'}, {'{{author}}'} and {'{{rule}}'} are filled in)</span>
        <input className="mb-search" dir="auto" maxLength={MAX_WARNING_LENGTH} placeholder="Used instead of the picked reason" value={oneOff} onChange={(event) => setOneOff(event.target.value)} />
      </label>
      <section aria-label="Warning preview" className="fl-preview">
        <h3 className="mb-muted">The author will read{sample ? ` (in ${sample.communityName.slice(0, 80)})` : ''}:</h3>
        {preview ? <LongText text={preview} /> : <p className="mb-muted">Pick a reason or type a warning.</p>}
      </section>
      <p className="jr-dialog-actions">
        <button type="button" className="mb-button mb-button--primary" disabled={!action} onClick={confirm}>
          Remove and warn (Enter)
        </button>
        <button type="button" className="mb-button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="mb-button" aria-expanded={editing} onClick={() => setEditing((open) => !open)}>
          Edit removal reasons
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
