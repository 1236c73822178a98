/** Past this, inline user text (a name, a reason) is cut; the full value stays in the title, itself capped. */
const MAX_INLINE = 300;
const MAX_TITLE = 1000;

/**
 * User text inside a sentence: a text node in its own bidi isolate (`<bdi>`), so an RTL
 * override or a stray direction mark cannot flip the words around it, and cut to a
 * sane length so a 100 KB "name" cannot flood the pane.
 */
export function InlineText({ text, max = MAX_INLINE }: { text: string; max?: number }) {
  const cut = text.length > max;
  return <bdi title={cut ? text.slice(0, MAX_TITLE) : undefined}>{cut ? `${text.slice(0, max)}…` : text}</bdi>;
}
