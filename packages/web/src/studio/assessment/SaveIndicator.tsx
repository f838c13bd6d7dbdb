import { saveStateText, type SaveState } from './autosave.js';

/** "Saved / Saving… / Offline — N changes kept": always visible, announced politely. */
export function SaveIndicator({ state }: { state: SaveState }) {
  return (
    <p class={`save-state save-${state.kind}`} role="status" aria-live="polite" data-save-state={state.kind}>
      {saveStateText(state)}
    </p>
  );
}
