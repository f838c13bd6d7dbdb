import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { StudioApi, StudioUser } from '../api/studio-client.js';

/** What every studio screen needs: the client, the signed-in user, and how to go elsewhere. */
export interface StudioContextValue {
  api: StudioApi;
  user: StudioUser;
  navigate(href: string): void;
  /** Ask for the password again without leaving the screen (a session that expired mid-edit). */
  signInAgain(): Promise<boolean>;
}

export const StudioContext = createContext<StudioContextValue | null>(null);

export function useStudio(): StudioContextValue {
  const value = useContext(StudioContext);
  if (!value) throw new Error('useStudio outside the studio');
  return value;
}
