import type { ComponentChildren } from 'preact';
import { STATE_LABELS } from '../state-label.js';
import type { Autosave } from './autosave.js';
import { ConflictView } from './ConflictView.js';
import { SaveIndicator } from './SaveIndicator.js';

/**
 * The top of a scoring form, FIW's or another index's: entity and edition,
 * workflow state, version, region and assignees, whether it saves, the reason
 * recorded with edits, and someone else's version beside mine on a conflict.
 */
export function AssessmentHeader(props: {
  autosave: Autosave;
  editable: boolean;
  reason: string;
  setReason(reason: string): void;
  /** After the edition's label, e.g. the methodology's name. */
  editionNote?: ComponentChildren;
}) {
  const { autosave, editable } = props;
  const a = autosave.assessment;
  const state = autosave.state;
  return (
    <>
      <header class="assessment-header">
        <h1 id="assessment-heading">
          {a.entity.name}{' '}
          <span class="subtle">
            {a.edition.label}
            {props.editionNote}
          </span>
        </h1>
        <p>
          <span data-testid="workflow-state">{STATE_LABELS[a.state]}</span> · version {a.version} ·{' '}
          {a.region ?? 'no region'} · assigned to {a.assignees.map((p) => p.name).join(', ') || 'nobody'}
          {!editable && state.kind !== 'conflict' && <span class="subtle"> · read only</span>}
        </p>
        {/* On a read-only page "Saved" says nothing; changes kept offline or a conflict still show. */}
        {(editable || state.kind !== 'saved') && <SaveIndicator state={state} />}
        {editable && (
          <label class="reason">
            Reason recorded with my changes
            <input value={props.reason} onInput={(e) => props.setReason(e.currentTarget.value)} />
          </label>
        )}
      </header>
      {state.kind === 'conflict' && (
        <ConflictView
          rows={state.rows}
          by={state.theirs.updatedBy?.name ?? null}
          onResolve={(choices) => autosave.resolve(choices)}
        />
      )}
    </>
  );
}
