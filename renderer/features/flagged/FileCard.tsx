import type { AttachmentView } from '@shared/domain/media';
import { InlineText } from '../../ui/InlineText';
import { formatFileSize } from './fileSize';

const KIND_WORDS: Readonly<Record<AttachmentView['kind'], string>> = { image: 'Image', video: 'Video', audio: 'Audio', file: 'File', sticker: 'Sticker' };

interface Props {
  readonly attachment: AttachmentView;
  /** Why it is a card and not a preview, when it could have been one. */
  readonly note?: string;
}

/** A file described, never rendered: kind, name, claimed type and size, as text. */
export function FileCard({ attachment, note }: Props) {
  return (
    <div className="fl-file-card">
      <span className="mb-pill">{KIND_WORDS[attachment.kind]}</span>{' '}
      <strong>
        <InlineText text={attachment.name} max={120} />
      </strong>{' '}
      <span className="mb-muted">
        <InlineText text={attachment.contentType ?? 'unknown type'} max={80} /> · {formatFileSize(attachment.size)}
      </span>
      {note && <div className="mb-muted fl-file-note">{note}</div>}
    </div>
  );
}
