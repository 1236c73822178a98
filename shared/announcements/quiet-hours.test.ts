import { describe, expect, it } from 'vitest';
import { parseQuietHours, quietUntil } from './quiet-hours';

const at = (iso: string) => Date.parse(iso);

describe('quiet hours', () => {
  it('parses windows with and without a zone, and refuses what is not one', () => {
    expect(parseQuietHours('22:00-07:00')).toMatchObject({ start: 1320, end: 420, zone: { kind: 'offset', minutes: 0 } });
    expect(parseQuietHours('9:30 – 12:00 Europe/Berlin')).toMatchObject({ start: 570, end: 720, zone: { kind: 'iana', name: 'Europe/Berlin' } });
    expect(parseQuietHours('22:00-07:00 UTC-05:30')).toMatchObject({ zone: { kind: 'offset', minutes: -330 } });
    for (const bad of ['', 'nights', '25:00-07:00', '22:00-22:00', '22:00-07:00 Mars/Olympus', '22:00-07:00 UTC+15'])
      expect(parseQuietHours(bad)).toBeNull();
  });

  it('knows a window that crosses midnight, and when it ends', () => {
    const hours = parseQuietHours('22:00-07:00')!;
    expect(quietUntil(hours, at('2026-03-02T23:30:00Z'))).toBe(at('2026-03-03T07:00:00Z'));
    expect(quietUntil(hours, at('2026-03-03T06:59:00Z'))).toBe(at('2026-03-03T07:00:00Z'));
    expect(quietUntil(hours, at('2026-03-03T07:00:00Z'))).toBeNull();
    expect(quietUntil(hours, at('2026-03-03T12:00:00Z'))).toBeNull();
  });

  it('reads the clock in the community zone', () => {
    const berlin = parseQuietHours('22:00-07:00 Europe/Berlin')!;
    // 21:30 UTC is 22:30 in Berlin in winter (UTC+1): quiet until 06:00 UTC.
    expect(quietUntil(berlin, at('2026-01-10T21:30:00Z'))).toBe(at('2026-01-11T06:00:00Z'));
    expect(quietUntil(berlin, at('2026-01-10T20:30:00Z'))).toBeNull();
    const eastern = parseQuietHours('08:00-09:00 UTC-05:00')!;
    expect(quietUntil(eastern, at('2026-01-10T13:15:00Z'))).toBe(at('2026-01-10T14:00:00Z'));
  });
});
