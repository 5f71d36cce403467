import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { PunchcardDatabase } from '../../shared/db/collections.ts';
import type { AppInfo, PunchcardApi } from '../../shared/contract/operations.ts';

/** What every screen reads from (db) and writes through (operations). */
export interface AppServices {
  /** The read side, for the person signed in (a fresh one after each sign-in: AuthGate). */
  db: PunchcardDatabase;
  /** Opens another read-side database on the same storage (after a lock, for the next session). */
  openDatabase: () => Promise<PunchcardDatabase>;
  operations: PunchcardApi;
  info: AppInfo;
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices() outside the app');
  return services;
}
