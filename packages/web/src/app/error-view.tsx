import type { ErrorScreen } from './screen.js';

/** A page that could not be shown: what went wrong, in words, and a link to somewhere that works. */
export function ErrorView({ screen }: { screen: ErrorScreen }) {
  return (
    <section class="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{screen.title}</h1>
      <p role="alert">{screen.message}</p>
      {screen.problems.length > 0 && (
        <ul class="problems">
          {screen.problems.map((p) => (
            <li key={p.param}>
              <code>{p.param}</code>: {p.message}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a class="button" href={screen.back.href}>
          {screen.back.label}
        </a>
      </p>
    </section>
  );
}
