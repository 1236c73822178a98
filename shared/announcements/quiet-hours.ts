/**
 * Quiet hours of a community, from its `quietHours` custom field:
 * `22:00-07:00` (UTC), `22:00-07:00 Europe/Berlin`, or `22:00-07:00 UTC+02:00`.
 * A window may cross midnight. Time-zone maths uses Intl only, so this stays pure.
 */
export interface QuietHours {
  readonly start: number;
  readonly end: number;
  /** An IANA zone, or a fixed offset in minutes east of UTC. */
  readonly zone: { readonly kind: 'iana'; readonly name: string } | { readonly kind: 'offset'; readonly minutes: number };
  /** As written, for messages. */
  readonly text: string;
}

const DAY_MINUTES = 24 * 60;
const WINDOW = /^([01]?\d|2[0-3]):([0-5]\d)\s*[-–]\s*([01]?\d|2[0-3]):([0-5]\d)(?:\s+(\S+))?$/;
const OFFSET = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/i;

function parseZone(raw: string | undefined): QuietHours['zone'] | null {
  if (raw === undefined || /^(UTC|GMT|Z)$/i.test(raw)) return { kind: 'offset', minutes: 0 };
  const offset = OFFSET.exec(raw);
  if (offset) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3] ?? 0);
    return minutes > 14 * 60 ? null : { kind: 'offset', minutes: offset[1] === '-' ? -minutes : minutes };
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: raw });
    return { kind: 'iana', name: raw };
  } catch {
    return null;
  }
}

/** Null when the value is not a quiet-hours window (preflight reports it). */
export function parseQuietHours(value: string): QuietHours | null {
  const text = value.trim();
  const match = WINDOW.exec(text);
  if (!match) return null;
  const start = Number(match[1]) * 60 + Number(match[2]);
  const end = Number(match[3]) * 60 + Number(match[4]);
  const zone = parseZone(match[5]);
  if (!zone || start === end) return null;
  return { start, end, zone, text };
}

/** Minutes since local midnight at `at` in the window's zone. */
function localMinutes(zone: QuietHours['zone'], at: number): number {
  if (zone.kind === 'offset') {
    const shifted = at + zone.minutes * 60_000;
    return Math.floor(shifted / 60_000) % DAY_MINUTES;
  }
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone.name, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const read = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return read('hour') * 60 + read('minute');
}

const inside = (hours: QuietHours, minute: number) =>
  hours.start < hours.end ? minute >= hours.start && minute < hours.end : minute >= hours.start || minute < hours.end;

/**
 * Null outside quiet hours; inside, when they end (to the minute; a daylight-saving
 * change inside the window can shift that by an hour).
 */
export function quietUntil(hours: QuietHours, at: number): number | null {
  const minute = localMinutes(hours.zone, at);
  if (!inside(hours, minute)) return null;
  const left = (hours.end - minute + DAY_MINUTES) % DAY_MINUTES;
  return at - (at % 60_000) + left * 60_000;
}
