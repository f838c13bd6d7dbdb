import type { ComponentChildren } from 'preact';
import type { Loaded } from './use-answer.js';

/** The loading line or the error message of an answer, or its content once there. */
export function LoadedView<T>({ state, children }: { state: Loaded<T>; children: (value: T) => ComponentChildren }) {
  if (state.kind === 'loading') return <p role="status">Loading…</p>;
  if (state.kind === 'error') {
    return (
      <div class="studio-error" role="alert">
        <p>
          <strong>Could not load this.</strong> {state.message}
        </p>
        <p>
          <a href="/studio">Back to the dashboard</a>
        </p>
      </div>
    );
  }
  return <>{children(state.value)}</>;
}
