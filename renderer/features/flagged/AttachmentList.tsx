import { claimsInlineImage, type AttachmentView } from '@shared/domain/media';
import { AttachmentImage } from './AttachmentImage';
import { FileCard } from './FileCard';

interface Props {
  readonly attachments: readonly AttachmentView[];
  readonly authorName: string;
}

/** Previewable kinds; the bytes still have to prove it (AttachmentImage). */
const PICTURES: ReadonlySet<AttachmentView['kind']> = new Set(['image', 'sticker']);

/**
 * A picture is fetched on sight only when its claimed type is one we show inline: an
 * animated sticker (Lottie, `.tgs`) or a video sticker could never be shown, so fetching
 * it would spend the platform's rate limit for a file card.
 */
const previewable = (attachment: AttachmentView) => PICTURES.has(attachment.kind) && claimsInlineImage(attachment.contentType);

/** A message's files under its text: pictures as (blurred) thumbnails, everything else as file cards. */
export function AttachmentList({ attachments, authorName }: Props) {
  if (attachments.length === 0) return null;
  return (
    <ul className="fl-attachments" aria-label={`${attachments.length === 1 ? 'Attachment' : `${attachments.length} attachments`}`}>
      {attachments.map((attachment) => (
        <li key={attachment.id}>
          {previewable(attachment) ? <AttachmentImage attachment={attachment} authorName={authorName} /> : <FileCard attachment={attachment} />}
        </li>
      ))}
    </ul>
  );
}
