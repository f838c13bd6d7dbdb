import type { ComponentChildren } from 'preact';
import { NAVIGATION } from './pages.js';
import { hrefOf, defaultView, type PageId } from './url-state.js';

export const ATTRIBUTION = 'Source: Freedom House, Freedom in the World.';

/** The frame of every page: skip link, site navigation, the page, and the data's attribution. */
export function Shell({ current, children }: { current: PageId | null; children: ComponentChildren }) {
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="site-header">
        <a class="site-name" href="/">
          Freedom Ratings
        </a>
        <nav aria-label="Site">
          <ul>
            {NAVIGATION.map(({ page, label }) => (
              <li key={page}>
                <a href={hrefOf(defaultView(page))} aria-current={current === page ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer class="site-footer">
        <p>
          {ATTRIBUTION} Ratings, scores and statuses as published; derived figures computed by the Freedom Ratings
          engine. <a href="/api/docs">API</a> · <a href="/downloads">Downloads</a>
        </p>
      </footer>
    </>
  );
}
