import { InlineText } from './InlineText';

/** A community's name, then its parent's ("in Parent"), both as isolated user text. */
export function CommunityName({ name, parentName }: { name: string; parentName: string | null }) {
  return (
    <>
      <InlineText text={name} />
      {parentName && (
        <span className="mb-muted">
          {' '}
          in <InlineText text={parentName} />
        </span>
      )}
    </>
  );
}
