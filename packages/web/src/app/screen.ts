import type { Api } from '../api/client.js';
import { ApiError } from '../api/transport.js';
import type { PageDefinition, PageHead } from './page.js';
import { PAGES } from './pages.js';
import { hrefOf, readUrl, type PageId, type UrlProblem, type View } from './url-state.js';

/** What an address shows: a page with its data, or a message saying what went wrong and the way back. */
export type Screen = PageScreen | ErrorScreen;

export interface PageScreen {
  kind: 'page';
  view: View;
  page: PageDefinition<PageId>;
  data: unknown;
  head: PageHead;
}

export interface ErrorScreen {
  kind: 'error';
  /** HTTP status a server-rendered copy answers with. */
  status: number;
  /** The page the address was meant for, when there is one (for the navigation bar). */
  pageId: PageId | null;
  title: string;
  message: string;
  problems: UrlProblem[];
  back: { href: string; label: string };
  head: PageHead;
}

const SITE = 'Freedom Ratings';

function errorScreen(e: Omit<ErrorScreen, 'kind' | 'head'>): ErrorScreen {
  return { kind: 'error', ...e, head: { title: `${e.title} — ${SITE}`, description: e.message } };
}

/** Where “back” leads from a page whose data does not exist: the same page with its defaults, or the map. */
function fallbackHref(view: View): string {
  switch (view.page) {
    case 'country':
      // An edition the entity lacks falls back to its newest report; an unknown entity to the table.
      return view.edition !== null || view.vs !== null ? hrefOf({ ...view, edition: null, vs: null }) : '/table';
    case 'downloads':
      return '/';
    default:
      return hrefOf(readUrl(`/${view.page}`, '').view!);
  }
}

/**
 * Resolves an address to what it shows, on the server and in the browser
 * alike. Never throws: an unknown path, a bad parameter, data that does not
 * exist and an API that cannot be reached each become a message with a link.
 */
export async function resolveScreen(api: Api, pathname: string, search: string): Promise<Screen> {
  const { view, problems } = readUrl(pathname, search);
  if (!view) {
    return errorScreen({
      status: 404,
      pageId: null,
      title: 'Page not found',
      message: `There is no page at ${pathname}.`,
      problems: [],
      back: { href: '/', label: 'Go to the world map' },
    });
  }
  if (problems.length) {
    return errorScreen({
      status: 404,
      pageId: view.page,
      title: 'This address has a mistake',
      message: 'Part of the address could not be understood, so this page cannot be shown as asked.',
      problems,
      // The view as read, with each bad parameter at its default: the nearest page that exists.
      back: { href: hrefOf(view), label: 'Show it without the parts in error' },
    });
  }
  try {
    const page = await PAGES[view.page]();
    const data = await page.load(api, view as never);
    return { kind: 'page', view, page: page as PageDefinition<PageId>, data, head: page.head(view as never, data) };
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      return errorScreen({
        status: 404,
        pageId: view.page,
        title: 'Not found',
        message: e.message,
        problems: [],
        back: { href: fallbackHref(view), label: 'Back to what exists' },
      });
    }
    const unreachable = e instanceof ApiError && (e.status === 0 || e.status >= 500);
    if (!unreachable && !(e instanceof ApiError)) {
      // A failure of our own code (or a chunk that failed to load): still a message, never a blank page.
      console.error(e);
    }
    return errorScreen({
      status: e instanceof ApiError && e.status >= 400 && e.status < 500 ? e.status : 503,
      pageId: view.page,
      title: 'The data could not be loaded',
      message: e instanceof ApiError ? e.message : 'Something went wrong while loading this page. Reload to try again.',
      problems: [],
      back: { href: hrefOf(view), label: 'Try again' },
    });
  }
}
