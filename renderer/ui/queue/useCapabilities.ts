import { useQuery } from '../../client/hooks';

/**
 * Each connection's connector capabilities (from its descriptor), again when connections
 * change: what every queue's buttons check before offering an action.
 */
export function useCapabilities() {
  return useQuery('flagged.capabilities', {}, ['communities']).data;
}
