import type { PageHead } from './page.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** The head tags of a page: title, description, and the Open Graph tags a shared link previews with. */
export function headTags(head: PageHead, url: string): string {
  const title = escapeHtml(head.title);
  const description = escapeHtml(head.description);
  return [
    `<title>${title}</title>`,
    `<meta name="description" content="${description}" />`,
    `<meta property="og:type" content="website" />`,
    `<meta property="og:site_name" content="Freedom Ratings" />`,
    `<meta property="og:title" content="${title}" />`,
    `<meta property="og:description" content="${description}" />`,
    `<meta property="og:url" content="${escapeHtml(url)}" />`,
  ].join('\n    ');
}

/** The API answers a server-rendered page was made from, so the browser hydrates it without asking again. */
export function bootScript(answers: Record<string, unknown>): string {
  // `<` escaped: no string in the data can close the script element.
  const json = JSON.stringify({ answers }).replace(/</g, '\\u003c');
  return `<script type="application/json" id="boot">${json}</script>`;
}

export const BOOT_ELEMENT_ID = 'boot';

/** Fills the built index.html's placeholders. */
export function fillTemplate(template: string, parts: { head: string; body: string; boot: string }): string {
  return template
    .replace('<!--page-head-->', () => parts.head)
    .replace('<!--page-body-->', () => parts.body)
    .replace('<!--page-boot-->', () => parts.boot);
}
