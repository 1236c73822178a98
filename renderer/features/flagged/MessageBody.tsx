import { mediaSegments } from '@shared/flags/media-segments';
import { SENSITIVE_CATEGORY_LABELS, sensitiveCategories } from '@shared/flags/sensitive-text';
import { LongText } from '../../ui/LongText';
import { Reveal } from './Reveal';
import { useWellbeing } from './wellbeingContext';

/** Longer texts with media are blurred whole: their pieces are not laid out one by one (LongText shows them in steps). */
const MAX_SPLIT_LENGTH = 4000;

interface Props {
  readonly body: string;
  readonly authorName: string;
}

/**
 * A message's text as the moderator chose to see it: media (placeholders, image and video
 * links) blurred piece by piece, and the whole text blurred when it falls in a category
 * they chose; each revealed on demand. Always text nodes, never markup.
 */
export function MessageBody({ body, authorName }: Props) {
  const { blurMedia, categories } = useWellbeing();
  const matched = sensitiveCategories(body, categories);
  const content = blurMedia ? <MediaText body={body} authorName={authorName} /> : <LongText text={body} />;
  if (matched.length === 0) return content;
  const what = `text (${matched.map((c) => SENSITIVE_CATEGORY_LABELS[c].toLowerCase()).join(', ')})`;
  return (
    <Reveal what={what} owner={authorName}>
      {content}
    </Reveal>
  );
}

function MediaText({ body, authorName }: Props) {
  const segments = mediaSegments(body);
  if (segments.length === 1 && segments[0]?.kind === 'text') return <LongText text={body} />;
  if (body.length > MAX_SPLIT_LENGTH) {
    return (
      <Reveal what="message with media" owner={authorName}>
        <LongText text={body} />
      </Reveal>
    );
  }
  return (
    <div className="jr-long-text">
      <bdi dir="auto">
        {segments.map((segment, index) =>
          segment.kind === 'text' ? (
            segment.text
          ) : (
            <Reveal key={index} what={segment.label} owner={authorName} inline>
              {segment.text}
            </Reveal>
          ),
        )}
      </bdi>
    </div>
  );
}
