import type { FastifyInstance } from 'fastify';

/**
 * Closes the server on SIGTERM or SIGINT: stop accepting connections, let
 * in-flight requests finish, run the onClose hooks (which close the
 * database), then exit. A second signal, or `graceMs` passing, exits at once.
 */
export function closeOnSignals(app: FastifyInstance, graceMs = 10_000): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const timer = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, graceMs);
    timer.unref();
    app.close().then(
      () => {
        app.log.info('shut down cleanly');
        process.exit(0);
      },
      (err: unknown) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
