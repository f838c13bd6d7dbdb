/**
 * How the API client reaches the API: `fetch` in the browser, and in the
 * server renderer a call into the same process (so a server-rendered page
 * shows exactly what the API answers).
 */
export interface Transport {
  get(path: string): Promise<{ status: number; body: unknown }>;
}

/** The API's error, or a failure to reach it (status 0), as the pages show it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const TIMEOUT_MS = 20_000;

/** The browser's transport: same-origin fetch, with a timeout so a dead server gives a message, not a spinner. */
export const fetchTransport: Transport = {
  async get(path) {
    let response: Response;
    try {
      response = await fetch(path, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (e) {
      const timedOut = e instanceof DOMException && e.name === 'TimeoutError';
      throw new ApiError(
        0,
        'unreachable',
        timedOut
          ? 'The server did not answer in time. Check your connection and try again.'
          : 'The server could not be reached. Check your connection and try again.',
      );
    }
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      throw new ApiError(
        response.status || 502,
        'bad-response',
        `The server answered ${response.status} without data.`,
      );
    }
    return { status: response.status, body };
  },
};
