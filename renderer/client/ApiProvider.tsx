import { createContext, useContext, type ReactNode } from 'react';
import type { ApiConnection } from './connect';

const ApiContext = createContext<ApiConnection | null>(null);

export function ApiProvider({ connection, children }: { connection: ApiConnection; children: ReactNode }) {
  return <ApiContext.Provider value={connection}>{children}</ApiContext.Provider>;
}

export function useConnection(): ApiConnection {
  const connection = useContext(ApiContext);
  if (!connection) throw new Error('useConnection must be used inside <ApiProvider>');
  return connection;
}

export const useApi = () => useConnection().api;
