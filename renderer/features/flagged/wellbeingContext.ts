import { createContext, useContext } from 'react';
import { defaultPreferences } from '@shared/domain/settings';
import type { SensitiveCategory } from '@shared/flags/sensitive-text';

/** What the moderator chose to keep blurred until revealed (Settings → Wellbeing). */
export interface Wellbeing {
  readonly blurMedia: boolean;
  readonly categories: readonly SensitiveCategory[];
}

const defaults = defaultPreferences();

/** Until the preferences load, the defaults: media blurred, so nothing flashes unblurred first. */
export const WellbeingContext = createContext<Wellbeing>({ blurMedia: defaults.blurMedia, categories: defaults.blurTextCategories });

export const useWellbeing = (): Wellbeing => useContext(WellbeingContext);
