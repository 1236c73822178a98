/** Mute lengths offered by the picker (minutes; null: until unmuted). */
export const MUTE_CHOICES: readonly { readonly label: string; readonly minutes: number | null }[] = [
  { label: '1 hour', minutes: 60 },
  { label: '24 hours', minutes: 24 * 60 },
  { label: '7 days', minutes: 7 * 24 * 60 },
  { label: '30 days', minutes: 30 * 24 * 60 },
  { label: 'Until unmuted', minutes: null },
];

/** How far back a purge reaches (hours). */
export const PURGE_CHOICES: readonly { readonly label: string; readonly hours: number }[] = [
  { label: 'The last hour', hours: 1 },
  { label: 'The last 24 hours', hours: 24 },
  { label: 'The last 7 days', hours: 7 * 24 },
  { label: 'The last 30 days', hours: 30 * 24 },
];

/** Ban lengths (minutes; null: until lifted, sent without `minutes`). */
export const BAN_CHOICES: readonly { readonly label: string; readonly minutes: number | null }[] = [
  { label: 'Until lifted', minutes: null },
  { label: '1 hour', minutes: 60 },
  { label: '24 hours', minutes: 24 * 60 },
  { label: '7 days', minutes: 7 * 24 * 60 },
  { label: '30 days', minutes: 30 * 24 * 60 },
];

/** How far back the platform deletes the banned person's messages with the ban (seconds; at most 7 days). */
export const DELETE_HISTORY_CHOICES: readonly { readonly label: string; readonly seconds: number }[] = [
  { label: 'Keep their messages', seconds: 0 },
  { label: 'The last hour', seconds: 3600 },
  { label: 'The last 24 hours', seconds: 24 * 3600 },
  { label: 'The last 7 days', seconds: 7 * 24 * 3600 },
];
