import { useQuery } from '../../client/hooks';

/** Each connection's connector capabilities (from its descriptor), again when connections change. */
export function useCapabilities() {
  return useQuery('flagged.capabilities', {}, ['communities']).data;
}
