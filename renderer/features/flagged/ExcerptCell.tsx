import { TextCell } from '../../ui/data-table';
import { hiddenReason } from './hiddenReason';
import { useWellbeing } from './wellbeingContext';

/** The message column: the excerpt, or blurred with why when the moderator chose to keep such text out of sight (revealed in the conversation pane). */
export function ExcerptCell({ text }: { text: string }) {
  const hidden = hiddenReason(text, useWellbeing());
  if (!hidden) return <TextCell value={text} />;
  return (
    <span className="fl-excerpt-hidden">
      <span className="mb-pill">hidden: {hidden}</span>
      <span className="fl-blur" aria-hidden="true" dir="auto">
        {text.slice(0, 200)}
      </span>
    </span>
  );
}
