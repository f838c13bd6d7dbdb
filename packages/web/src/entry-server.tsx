import { renderToString } from 'preact-render-to-string';
import { createApi } from './api/client.js';
import type { Transport } from './api/transport.js';
import { ScreenView } from './app/app.js';
import { staticClosure, type BuildManifest } from './app/build-manifest.js';
import { bootScript, fillTemplate, headTags } from './app/document.js';
import { PAGE_SOURCES, STUDIO_SOURCE } from './app/page-sources.js';
import { resolveScreen } from './app/screen.js';
import { isStudioPath } from './studio/studio-path.js';

const STUDIO_HEAD = {
  title: 'Studio — Freedom Ratings',
  description: 'Score, justify, review, calibrate and publish an edition.',
};

export interface RenderedPage {
  status: number;
  html: string;
}

/** The browser build this renderer fills in: its index.html and its manifest. */
export interface ClientBuild {
  template: string;
  manifest: BuildManifest;
}

/** Preload links for the page's own chunks, which the entry would otherwise only discover once it runs. */
function preloadTags(build: ClientBuild, source: string): string {
  const entry = new Set(staticClosure(build.manifest, 'index.html'));
  return staticClosure(build.manifest, source)
    .filter((file) => !entry.has(file))
    .map((file) => `<link rel="modulepreload" crossorigin href="/${file}" />`)
    .join('\n    ');
}

/**
 * Renders one address to a complete HTML document (the server calls this
 * for every page request): the page as it will look once hydrated, readable
 * with JavaScript off, with the API answers it was made from for hydration.
 */
export async function renderPage(url: URL, transport: Transport, build: ClientBuild): Promise<RenderedPage> {
  if (isStudioPath(url.pathname)) {
    // Nothing of the studio is rendered here: it is for signed-in users, and its own chunk draws it in the browser.
    const body = '<p class="studio-loading">Loading the studio… (it needs JavaScript)</p>';
    const head = [headTags(STUDIO_HEAD, url.href), preloadTags(build, STUDIO_SOURCE)].join('\n    ');
    return { status: 200, html: fillTemplate(build.template, { head, body, boot: '' }) };
  }
  const answers: Record<string, unknown> = {};
  const recording: Transport = {
    async get(path) {
      const answer = await transport.get(path);
      if (answer.status >= 200 && answer.status < 300) answers[path] = answer.body;
      return answer;
    },
  };
  const screen = await resolveScreen(createApi(recording), url.pathname, url.search);
  const body = renderToString(<ScreenView screen={screen} />);
  const pageId = screen.kind === 'page' ? screen.view.page : null;
  const preload = pageId ? preloadTags(build, PAGE_SOURCES[pageId]) : '';
  const html = fillTemplate(build.template, {
    head: [headTags(screen.head, url.href), preload].filter(Boolean).join('\n    '),
    body,
    boot: bootScript(answers),
  });
  return { status: screen.kind === 'error' ? screen.status : 200, html };
}
