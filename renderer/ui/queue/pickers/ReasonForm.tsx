import { useState } from 'react';

interface Props {
  readonly legend: string;
  readonly initial: { readonly label: string; readonly text: string };
  readonly submitLabel: string;
  readonly onSubmit: (input: { label: string; text: string }) => Promise<boolean>;
  readonly onDelete?: () => void;
}

/** One reason of the library: a short label for the picker, and the text sent to the platform. */
export function ReasonForm({ legend, initial, submitLabel, onSubmit, onDelete }: Props) {
  const [label, setLabel] = useState(initial.label);
  const [text, setText] = useState(initial.text);
  const ready = label.trim() !== '' && text.trim() !== '';
  return (
    <form
      className="jr-reason-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!ready) return;
        void onSubmit({ label: label.trim(), text: text.trim() }).then((saved) => {
          if (saved && !onDelete) {
            setLabel('');
            setText('');
          }
        });
      }}
    >
      <fieldset>
        <legend>{legend}</legend>
        <input className="mb-search" aria-label={`${legend}: label`} placeholder="Label" dir="auto" maxLength={80} value={label} onChange={(e) => setLabel(e.target.value)} />
        <input className="mb-search" aria-label={`${legend}: text`} placeholder="Text sent with the decision" dir="auto" maxLength={500} value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="mb-button" disabled={!ready}>
          {submitLabel}
        </button>
        {onDelete && (
          <button type="button" className="mb-button" onClick={onDelete}>
            Delete
          </button>
        )}
      </fieldset>
    </form>
  );
}
