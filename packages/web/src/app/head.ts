import type { PageHead } from './page.js';

/** Keeps the document's title and descriptions in step with the screen after a navigation in the browser. */
export function applyHead(head: PageHead): void {
  document.title = head.title;
  for (const selector of ['meta[name="description"]', 'meta[property="og:description"]']) {
    document.querySelector(selector)?.setAttribute('content', head.description);
  }
  document.querySelector('meta[property="og:title"]')?.setAttribute('content', head.title);
}
