/**
 * Media inside a message's text. Messages carry no attachment field (connectors keep the
 * text, or a caption, only), so media shows up in two forms: a platform's placeholder in
 * brackets ("[image: …]", "[photo]", "[video]", "[GIF]", "[sticker]") and links to image or
 * video files or to the hosts that serve them. The UI blurs each until it is revealed.
 */
export type MessageSegment = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'media'; readonly text: string; readonly label: string };

const PLACEHOLDER = /\[(?:image|photo|picture|video|gif|sticker|animation|media|attachment)(?:[:\s][^\]\n]{0,300})?\]/giu;
const MEDIA_FILE = /\.(?:jpe?g|png|gif|webp|bmp|svg|heic|avif|tiff?|mp4|webm|mov|m4v|gifv)(?:[?#][^\s]*)?$/iu;
/** Hosts that only serve uploaded media, whatever the path looks like. */
const MEDIA_HOSTS = ['i.imgur.com', 'media.discordapp.net', 'cdn.discordapp.com', 'pbs.twimg.com', 'i.redd.it', 'media.tenor.com', 'media.giphy.com'];
const URL_WORD = /^(?:https?:\/\/|www\.)\S+$/iu;
/** Past this many segments the rest stays one text piece: the split must stay linear and small for a 100 KB text. */
const MAX_SEGMENTS = 400;

/** Whether one whitespace-free word is a link to an image or video. */
export function isMediaLink(word: string): boolean {
  const trimmed = word.replace(/[)\]>.,;!"']+$/u, '');
  if (!URL_WORD.test(trimmed)) return false;
  const host = trimmed.replace(/^https?:\/\//iu, '').replace(/^www\./iu, '').split(/[/?#:]/u)[0]!.toLowerCase();
  return MEDIA_HOSTS.some((h) => host === h || host.endsWith(`.${h}`)) || MEDIA_FILE.test(trimmed.split('#')[0]!);
}

const labelOf = (text: string) => (text.startsWith('[') ? text.slice(1).split(/[:\]\s]/u)[0]!.toLowerCase() : 'media link');

/**
 * The text cut into plain and media pieces, in order; joined back they are exactly the
 * text. A text without media is one text piece.
 */
export function mediaSegments(body: string): MessageSegment[] {
  const spans: { start: number; end: number }[] = [];
  for (const found of body.matchAll(PLACEHOLDER)) spans.push({ start: found.index, end: found.index + found[0].length });
  for (const found of body.matchAll(/\S+/gu)) {
    if (spans.length >= MAX_SEGMENTS) break;
    const lead = /^[(<["']*/u.exec(found[0])![0].length;
    const word = found[0].slice(lead);
    if (word.length > 2048 || !isMediaLink(word)) continue;
    const trimmed = word.replace(/[)\]>.,;!"']+$/u, '');
    const start = found.index + lead;
    if (!spans.some((s) => start < s.end && start + trimmed.length > s.start)) spans.push({ start, end: start + trimmed.length });
  }
  if (spans.length === 0) return [{ kind: 'text', text: body }];
  spans.sort((a, b) => a.start - b.start);
  const segments: MessageSegment[] = [];
  let at = 0;
  for (const span of spans.slice(0, MAX_SEGMENTS)) {
    if (span.start > at) segments.push({ kind: 'text', text: body.slice(at, span.start) });
    const text = body.slice(span.start, span.end);
    segments.push({ kind: 'media', text, label: labelOf(text) });
    at = span.end;
  }
  if (at < body.length) segments.push({ kind: 'text', text: body.slice(at) });
  return segments;
}
