import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Api } from '../api/client.js';
import { ApiContext } from './api-context.js';
import { ErrorView } from './error-view.js';
import { applyHead } from './head.js';
import { NavigationContext, type Navigate } from './navigation.js';
import { resolveScreen, type Screen } from './screen.js';
import { Shell } from './shell.js';
import { readUrl } from './url-state.js';

/** The explorer: one screen at a time, drawn by its page inside the shell. */
export function ScreenView({ screen }: { screen: Screen }) {
  if (screen.kind === 'error') {
    return (
      <Shell current={screen.pageId}>
        <ErrorView screen={screen} />
      </Shell>
    );
  }
  const { Page } = screen.page;
  return (
    <Shell current={screen.view.page}>
      <Page view={screen.view as never} data={screen.data} />
    </Shell>
  );
}

/** Whether a click on this link is ours to handle (same site, a page of the app, a plain left click). */
function appLink(event: MouseEvent): URL | null {
  if (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  ) {
    return null;
  }
  const anchor = (event.target as Element | null)?.closest?.('a');
  if (!anchor || anchor.getAttribute('target') || anchor.hasAttribute('download')) return null;
  // Links inside the map are SVG anchors, whose href is not a string.
  const href = anchor instanceof SVGAElement ? anchor.href.baseVal : anchor.href;
  const url = new URL(href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return null;
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return null;
  return readUrl(url.pathname, url.search).view ? url : null;
}

/**
 * The browser side: starts from the server-rendered screen, then handles
 * every navigation in place — links, back and forward, and controls that
 * change the address — loading the next page's data before showing it.
 */
export function App({ api, initial }: { api: Api; initial: Screen }) {
  const [screen, setScreen] = useState(initial);
  const latest = useRef(0);

  const show = useCallback(
    async (url: URL, focus: boolean) => {
      const ticket = ++latest.current;
      const next = await resolveScreen(api, url.pathname, url.search);
      // A slower answer to an earlier navigation must not overwrite a newer one.
      if (ticket !== latest.current) return;
      setScreen(next);
      applyHead(next.head);
      if (focus) {
        window.scrollTo(0, 0);
        document.getElementById('main')?.focus({ preventScroll: true });
      }
    },
    [api],
  );

  const navigate: Navigate = useCallback(
    (href, options) => {
      const url = new URL(href, location.href);
      const samePage = readUrl(url.pathname, '').view?.page === readUrl(location.pathname, '').view?.page;
      if (options?.replace) history.replaceState(null, '', url);
      else history.pushState(null, '', url);
      void show(url, !samePage);
    },
    [show],
  );

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const url = appLink(event);
      if (!url) return;
      event.preventDefault();
      navigate(url.pathname + url.search);
    };
    const onPop = () => void show(new URL(location.href), false);
    document.addEventListener('click', onClick);
    window.addEventListener('popstate', onPop);
    return () => {
      document.removeEventListener('click', onClick);
      window.removeEventListener('popstate', onPop);
    };
  }, [navigate, show]);

  return (
    <ApiContext.Provider value={api}>
      <NavigationContext.Provider value={navigate}>
        <ScreenView screen={screen} />
      </NavigationContext.Provider>
    </ApiContext.Provider>
  );
}
