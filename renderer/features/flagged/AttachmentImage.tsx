import { useState, type ReactNode } from 'react';
import { mediaPath, type AttachmentView } from '@shared/domain/media';
import { InlineText } from '../../ui/InlineText';
import { FileCard } from './FileCard';
import { Reveal } from './Reveal';
import { useMediaState } from './useMediaState';
import { useWellbeing } from './wellbeingContext';

interface Props {
  readonly attachment: AttachmentView;
  readonly authorName: string;
}

/** Largest side of a thumbnail, in CSS pixels. */
const THUMB = 240;

/**
 * An image attachment: a thumbnail served from our own origin once main has fetched and
 * checked it, blurred until revealed when the moderator keeps media blurred (Reveal hides
 * it from screen readers until then). Anything the bytes did not prove to be an image is
 * a file card; every other state is said in words.
 */
export function AttachmentImage({ attachment, authorName }: Props) {
  const { blurMedia } = useWellbeing();
  const { view, loading, error, retry } = useMediaState(attachment);
  const [broken, setBroken] = useState(false);
  const name = <InlineText text={view.name} max={120} />;
  if (loading) return <p className="mb-muted fl-media-state">Loading image {name}…</p>;
  if (error) return <MediaProblem name={name} words={error} retry={retry} />;
  if (view.state === 'cached' && view.inlineType === null)
    return <FileCard attachment={view} note="Not previewed: the file is not an image that can be shown safely." />;
  if (view.state !== 'cached') return <MediaProblem name={name} words={view.problem ?? 'The file could not be fetched.'} retry={view.state === 'failed' ? retry : null} />;
  if (broken) return <MediaProblem name={name} words="The image could not be shown." retry={null} />;

  const scale = view.width && view.height ? Math.min(1, THUMB / Math.max(view.width, view.height)) : null;
  const image = (
    <img
      className="fl-media-image"
      src={mediaPath(view.id)}
      alt={`Attached image: ${view.name.slice(0, 200)}`}
      {...(scale !== null && view.width && view.height ? { width: Math.round(view.width * scale), height: Math.round(view.height * scale) } : {})}
      onError={() => setBroken(true)}
    />
  );
  if (!blurMedia) return <div className="fl-media">{image}</div>;
  return (
    <div className="fl-media">
      <Reveal what={`image ${view.name.slice(0, 80)}`} owner={authorName}>
        {image}
      </Reveal>
    </div>
  );
}

function MediaProblem({ name, words, retry }: { name: ReactNode; words: string; retry: (() => void) | null }) {
  return (
    <p className="fl-media-state">
      <span className="mb-pill">Image</span> {name}: <span className="mb-muted">{words}</span>{' '}
      {retry && (
        <button type="button" className="mb-button jr-small" onClick={retry}>
          Try again
        </button>
      )}
    </p>
  );
}
