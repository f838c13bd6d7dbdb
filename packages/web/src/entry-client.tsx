import { hydrate } from 'preact';
import { createApi } from './api/client.js';
import { fetchTransport, type Transport } from './api/transport.js';
import { App } from './app/app.js';
import { BOOT_ELEMENT_ID } from './app/document.js';
import { resolveScreen } from './app/screen.js';
import './app/styles.css';
import { isStudioPath } from './studio/studio-path.js';

/** The API answers the server rendered this page from; asking for them again would only repeat them. */
function primed(transport: Transport): Transport {
  const text = document.getElementById(BOOT_ELEMENT_ID)?.textContent;
  const answers = new Map(
    Object.entries(text ? (JSON.parse(text) as { answers: Record<string, unknown> }).answers : {}),
  );
  return {
    get(path) {
      const body = answers.get(path);
      if (body === undefined) return transport.get(path);
      answers.delete(path);
      return Promise.resolve({ status: 200, body });
    },
  };
}

async function start(): Promise<void> {
  const api = createApi(primed(fetchTransport));
  const screen = await resolveScreen(api, location.pathname, location.search);
  hydrate(<App api={api} initial={screen} />, document.getElementById('app')!);
  document.documentElement.dataset.hydrated = 'true';
}

// The studio is its own chunk: the explorer never loads it, and /studio loads only it.
if (isStudioPath(location.pathname)) {
  void import('./studio/main.js').then((m) => m.startStudio(document.getElementById('app')!));
} else {
  void start();
}
