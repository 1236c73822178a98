import { useMemo, useState } from 'react';
import type { Preferences } from '@shared/domain/settings';
import { useEvent, useQuery } from '../../client/hooks';
import { useWellbeing, type Wellbeing } from './wellbeingContext';

/** The wellbeing preferences, kept current when Settings changes them (one query for the whole screen). */
export function useWellbeingPreferences(): Wellbeing {
  const settings = useQuery('settings.get', {});
  const [changed, setChanged] = useState<Preferences | null>(null);
  useEvent('settings.changed', setChanged);
  const fallback = useWellbeing();
  const current = changed ?? settings.data;
  const blurMedia = current?.blurMedia ?? fallback.blurMedia;
  const categories = current?.blurTextCategories ?? fallback.categories;
  return useMemo(() => ({ blurMedia, categories }), [blurMedia, categories]);
}
