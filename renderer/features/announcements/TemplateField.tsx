import { useRef } from 'react';
import { PlaceholderButtons } from './PlaceholderButtons';

interface Props {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly rows?: number;
  readonly autoFocus?: boolean;
}

/** A body text with its placeholder buttons; a placeholder goes in at the caret. */
export function TemplateField({ label, value, onChange, rows = 6, autoFocus }: Props) {
  const area = useRef<HTMLTextAreaElement>(null);
  const insert = (placeholder: string) => {
    const element = area.current;
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? value.length;
    onChange(value.slice(0, start) + placeholder + value.slice(end));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + placeholder.length, start + placeholder.length);
    });
  };
  return (
    <div className="an-field">
      <label className="an-label">
        {label}
        <textarea
          ref={area}
          className="an-textarea"
          dir="auto"
          rows={rows}
          maxLength={64_000}
          value={value}
          autoFocus={autoFocus}
          onChange={(event) => onChange(event.target.value)}
        />
      </label>
      <PlaceholderButtons label={`Placeholders for ${label.toLowerCase()}`} onInsert={insert} />
    </div>
  );
}
