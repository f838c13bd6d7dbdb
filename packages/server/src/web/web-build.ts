import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** How the server renderer reaches the API: in-process requests answered as the network would answer them. */
export interface PageTransport {
  get(path: string): Promise<{ status: number; body: unknown }>;
}

/** The browser build the renderer fills in: its index.html, and its manifest of which chunks each page needs. */
export interface ClientBuild {
  template: string;
  manifest: unknown;
}

/** What the web build's server entry (`server/entry-server.js`) exports. */
export interface PageRenderer {
  renderPage(url: URL, transport: PageTransport, client: ClientBuild): Promise<{ status: number; html: string }>;
}

/** A built web app: the browser files, the page template, and the server renderer. */
export interface WebBuild {
  /** Directory of the browser build's hashed files, served at /assets/. */
  assets: string;
  client: ClientBuild;
  renderer: PageRenderer;
}

/**
 * Loads the web build from its directory (`client/` and `server/`, as
 * `npm run build` writes them), or says what is missing. Loaded once at start-up.
 */
export async function loadWebBuild(root: string): Promise<WebBuild> {
  const templateFile = join(root, 'client', 'index.html');
  const manifestFile = join(root, 'client', '.vite', 'manifest.json');
  const entry = join(root, 'server', 'entry-server.js');
  for (const file of [templateFile, manifestFile, entry]) {
    if (!existsSync(file)) throw new Error(`${root} is not a web build: ${file} is missing (run npm run build)`);
  }
  const renderer = (await import(pathToFileURL(entry).href)) as PageRenderer;
  if (typeof renderer.renderPage !== 'function') throw new Error(`${entry} does not export renderPage`);
  const client: ClientBuild = {
    template: await readFile(templateFile, 'utf8'),
    manifest: JSON.parse(await readFile(manifestFile, 'utf8')) as unknown,
  };
  return { assets: join(root, 'client', 'assets'), client, renderer };
}
