import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export interface NavigateOptions {
  /** Replace the history entry instead of adding one (slider steps, typing in a search box). */
  replace?: boolean;
}

/** Moves the app to another address without reloading the page. */
export type Navigate = (href: string, options?: NavigateOptions) => void;

/** On the server, and before hydration, navigation is a plain page load. */
const fullLoad: Navigate = (href) => {
  if (typeof location !== 'undefined') location.assign(href);
};

export const NavigationContext = createContext<Navigate>(fullLoad);

/** The app's navigate function, for controls that change the address (links need nothing: the app intercepts them). */
export function useNavigate(): Navigate {
  return useContext(NavigationContext);
}
