import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Api } from '../api/client.js';

/** The API client, for pages that fetch after they are shown (prefetching the next edition, search as you type). */
export const ApiContext = createContext<Api | null>(null);

/** null while server-rendering: such fetches belong in effects, which only run in the browser. */
export function useApi(): Api | null {
  return useContext(ApiContext);
}
