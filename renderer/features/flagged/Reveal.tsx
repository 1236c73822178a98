import { useState, type ReactNode } from 'react';

interface Props {
  /** What is hidden, for the button: "image", "text about violence and gore". */
  readonly what: string;
  /** Whose message it is in, so each Reveal button says which item it reveals. */
  readonly owner: string;
  /** An inline piece (a link in a sentence) or a block (a whole message). */
  readonly inline?: boolean;
  readonly children: ReactNode;
}

/**
 * Content kept blurred until the moderator asks to see it: hidden from screen readers and
 * out of the tab order while blurred (`inert`), with a Reveal button that is a real
 * button, so Tab and Enter reach it like everything else.
 */
export function Reveal({ what, owner, inline = false, children }: Props) {
  const [shown, setShown] = useState(false);
  if (shown) return <>{children}</>;
  const Box = inline ? 'span' : 'div';
  return (
    <Box className={inline ? 'fl-reveal fl-reveal--inline' : 'fl-reveal'}>
      <Box className="fl-blur" aria-hidden="true" inert>
        {children}
      </Box>{' '}
      <button type="button" className="mb-button jr-small fl-reveal-button" aria-label={`Reveal the ${what} in the message of ${owner.slice(0, 80)}`} onClick={() => setShown(true)}>
        Reveal {what}
      </button>
    </Box>
  );
}
