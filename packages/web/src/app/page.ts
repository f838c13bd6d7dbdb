import type { ComponentType } from 'preact';
import type { Api } from '../api/client.js';
import type { PageId, ViewOf } from './url-state.js';

/** What a shared link previews: the document title and its Open Graph description. */
export interface PageHead {
  title: string;
  description: string;
}

export interface PageProps<P extends PageId, D> {
  view: ViewOf<P>;
  data: D;
}

/**
 * One page of the explorer. The same definition renders on the server (HTML
 * readable without JavaScript) and in the browser (hydrated, then every
 * navigation): `load` fetches through the typed API client and throws its
 * ApiError for what does not exist, `head` names the page, `Page` draws it.
 */
export interface PageDefinition<P extends PageId, D = unknown> {
  load(api: Api, view: ViewOf<P>): Promise<D>;
  head(view: ViewOf<P>, data: D): PageHead;
  Page: ComponentType<PageProps<P, D>>;
}

/** Keeps a page's view and data types flowing from `load` into `head` and `Page`. */
export function definePage<P extends PageId, D>(page: PageDefinition<P, D>): PageDefinition<P, D> {
  return page;
}
