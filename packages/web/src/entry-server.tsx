import { renderToString } from 'preact-render-to-string';
import { createApi } from './api/client.js';
import type { Transport } from './api/transport.js';
import { ScreenView } from './app/app.js';
import { bootScript, fillTemplate, headTags } from './app/document.js';
import { resolveScreen } from './app/screen.js';

export interface RenderedPage {
  status: number;
  html: string;
}

/**
 * Renders one address to a complete HTML document (the server calls this
 * for every page request): the page as it will look once hydrated, readable
 * with JavaScript off, with the API answers it was made from for hydration.
 * `origin` is used for og:url.
 */
export async function renderPage(url: URL, transport: Transport, template: string): Promise<RenderedPage> {
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
  const html = fillTemplate(template, {
    head: headTags(screen.head, url.href),
    body,
    boot: bootScript(answers),
  });
  return { status: screen.kind === 'error' ? screen.status : 200, html };
}
