import { useState } from 'react';
import { defaultPreferences } from '@shared/domain/settings';
import { useEvent, useQuery } from '../../client/hooks';

/** The preference: a bulk over this many rows asks for confirmation first. */
export function useConfirmBulkOver(): number {
  const settings = useQuery('settings.get', {});
  const [changed, setChanged] = useState<number | null>(null);
  useEvent('settings.changed', (preferences) => setChanged(preferences.confirmBulkOver));
  return changed ?? settings.data?.confirmBulkOver ?? defaultPreferences().confirmBulkOver;
}
