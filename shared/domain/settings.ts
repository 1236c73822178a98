import { z } from 'zod';
import { SENSITIVE_CATEGORIES } from '../flags/sensitive-text';

/**
 * User preferences. One schema for electron-store (desktop) and conf (browser mode),
 * so both write the same `config.json` in the data folder. Secrets never live here.
 */
export const THEMES = ['system', 'light', 'dark'] as const;
export const DENSITIES = ['compact', 'comfortable'] as const;

export const preferencesSchema = z
  .object({
    theme: z.enum(THEMES).default('system'),
    density: z.enum(DENSITIES).default('compact'),
    /** Seconds a decision waits in the outbox so that `u` can take it back before it is pushed. */
    undoGraceSeconds: z.number().int().min(0).max(60).default(8),
    /** A bulk action over more rows than this asks for confirmation first. */
    confirmBulkOver: z.number().int().min(1).max(100_000).default(50),
    /** Announcements to more targets than this need a typed confirmation. */
    confirmAnnouncementOver: z.number().int().min(1).max(10_000).default(20),
    /** Minutes between automatic syncs of each connection. */
    syncIntervalMinutes: z.number().int().min(1).max(1440).default(2),
    /** Wellbeing: media in messages (placeholders, image and video links) stays blurred until revealed. */
    blurMedia: z.boolean().default(true),
    /** Wellbeing: message text in these categories (shared/flags/sensitive-text.ts) stays blurred until revealed. */
    blurTextCategories: z.array(z.enum(SENSITIVE_CATEGORIES)).max(SENSITIVE_CATEGORIES.length).default([]),
  })
  .strict();

export type Preferences = z.infer<typeof preferencesSchema>;

export const preferencesPatchSchema = preferencesSchema.partial().strict();
export type PreferencesPatch = z.infer<typeof preferencesPatchSchema>;

export const windowBoundsSchema = z
  .object({
    x: z.number().int(),
    y: z.number().int(),
    width: z.number().int().min(400),
    height: z.number().int().min(300),
    maximized: z.boolean(),
  })
  .strict();
export type WindowBounds = z.infer<typeof windowBoundsSchema>;

export const settingsSchema = z
  .object({
    /** Identifies this desk in the audit log; made once per data folder. */
    deviceId: z.string().min(1).max(64),
    preferences: preferencesSchema,
    windowBounds: windowBoundsSchema.optional(),
    /** Set once the first-run Sandbox connection was created, so removing it sticks. */
    sandboxProvisioned: z.boolean().default(false),
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;

export const defaultPreferences = (): Preferences => preferencesSchema.parse({});
