import { roleAllows, TRANSITIONS, WORKFLOW_ACTIONS, type WorkflowAction } from '@freedom-ratings/core';
import { useState } from 'preact/hooks';
import type { StudioApi, StudioUser } from '../../api/studio-client.js';
import type { Autosave } from './autosave.js';
import type { StudioAssessment } from './fields.js';

const ACTION_LABELS: Record<WorkflowAction, string> = {
  submit: 'Submit for review',
  return: 'Return to analyst',
  approve: 'Approve',
};

/** The moves the workflow offers this user on this assessment (the server checks them again). */
export function allowedMoves(a: StudioAssessment, user: StudioUser): WorkflowAction[] {
  if (a.edition.state !== 'open') return [];
  return WORKFLOW_ACTIONS.filter((action) => {
    const t = TRANSITIONS[action];
    return t.from.includes(a.state) && roleAllows(user.role, t.roles);
  });
}

/**
 * Makes a move once every edit is saved, at the version the autosave holds,
 * and takes the answer as the new version: the message to show, or null.
 */
export async function moveSaved(
  api: StudioApi,
  autosave: Autosave,
  action: WorkflowAction,
  note: string,
): Promise<string | null> {
  await autosave.flush();
  if (autosave.count() > 0) return 'Save your edits first: they are not saved yet.';
  const answer = await api.move(autosave.assessment.id, autosave.assessment.version, { action, reason: note });
  if (!answer.ok) return answer.message;
  autosave.adopt(answer.body);
  return null;
}

/** Submit, return or approve, with a note recorded with the move. */
export function WorkflowBar(props: {
  moves: WorkflowAction[];
  onMove(action: WorkflowAction, reason: string): Promise<string | null>;
}) {
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  if (props.moves.length === 0) return null;
  const move = async (action: WorkflowAction) => {
    setMessage(await props.onMove(action, note.trim() || ACTION_LABELS[action]));
    setNote('');
  };
  return (
    <section class="workflow" aria-labelledby="workflow-heading">
      <h2 id="workflow-heading">Review</h2>
      <label for="workflow-note">Note with the move (why it is returned, what changed)</label>
      <textarea id="workflow-note" rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      <div class="button-row">
        {props.moves.map((action) => (
          <button key={action} type="button" onClick={() => void move(action)}>
            {ACTION_LABELS[action]}
          </button>
        ))}
      </div>
      {message && (
        <p class="field-error" role="alert">
          {message}
        </p>
      )}
    </section>
  );
}
