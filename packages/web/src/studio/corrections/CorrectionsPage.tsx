import {
  CORRECTION_STATES,
  CORRECTION_TRANSITIONS,
  roleAllows,
  type CorrectionAction,
  type CorrectionState,
} from '@freedom-ratings/core';
import { useId, useState } from 'preact/hooks';
import type { Correction, StudioUser } from '../../api/studio-client.js';
import { FormField, FormProblems } from '../entities/FormField.js';
import { LoadedView } from '../loaded-view.js';
import { useStudio } from '../studio-context.js';
import { studioHref } from '../studio-url.js';
import { useAnswer } from '../use-answer.js';
import { ChangeList } from './ChangeList.js';
import { fieldsOfEdit } from './correction-edit.js';
import { CorrectionForm } from './CorrectionForm.js';

export const CORRECTION_STATE_LABELS: Readonly<Record<CorrectionState, string>> = {
  submitted: 'Awaiting review',
  returned: 'Returned to its author',
  approved: 'Approved, awaiting publication',
  published: 'Published',
};

/** Whether this user may make the move now: core's transitions (roles, states, nobody reviews their own). */
function may(c: Correction, user: StudioUser, action: CorrectionAction): boolean {
  const rule = CORRECTION_TRANSITIONS[action];
  if (!rule.from.includes(c.state) || !roleAllows(user.role, rule.roles)) return false;
  return !(rule.notByAuthor && c.createdBy.id === user.id && user.role !== 'admin');
}

/** The returned correction's values and reason again, against the assessment as it is published now. */
function Resubmit({ c, onDone }: { c: Correction; onDone(c: Correction): void }) {
  const { api } = useStudio();
  const [assessment] = useAnswer(() => api.assessment(c.assessmentId), [api, c.assessmentId]);
  return (
    <LoadedView state={assessment}>
      {(a) => (
        <CorrectionForm
          a={a}
          initialEdits={fieldsOfEdit(c.edit)}
          initialReason={c.reason}
          submitLabel="Resubmit"
          send={(patch) => api.resubmitCorrection(c.id, patch)}
          onSent={onDone}
        />
      )}
    </LoadedView>
  );
}

function CorrectionItem({ initial }: { initial: Correction }) {
  const { api, user } = useStudio();
  const id = useId();
  const [c, setC] = useState(initial);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();
  const [top, setTop] = useState<string[]>([]);
  const [resubmitting, setResubmitting] = useState(false);
  const [busy, setBusy] = useState(false);
  const isAuthor = c.createdBy.id === user.id;

  const review = async (action: 'approve' | 'return') => {
    if (action === 'return' && !note.trim()) {
      setNoteError('Say what to fix: returning a correction needs a note.');
      return;
    }
    setBusy(true);
    const answer = await api.moveCorrection(c.id, { action, note: note.trim() || undefined });
    setBusy(false);
    if (!answer.ok) {
      const onNote = (answer.details as { problems?: { path?: string }[] } | null)?.problems?.some(
        (p) => p.path === 'note',
      );
      if (onNote) setNoteError(answer.message);
      else setTop([answer.message]);
      return;
    }
    setNoteError(undefined);
    setTop([]);
    setNote('');
    setC(answer.body);
  };

  const publish = async () => {
    setBusy(true);
    const answer = await api.publishCorrection(c.id);
    setBusy(false);
    if (!answer.ok) {
      setTop([answer.message]);
      return;
    }
    setTop([]);
    setC({ ...answer.body.correction, release: answer.body.release });
  };

  const canReview = may(c, user, 'approve') || may(c, user, 'return');
  const canResubmit = c.state === 'returned' && isAuthor && may(c, user, 'resubmit');
  const countryHref = `/country/${c.entity.id}?edition=${c.edition}`;
  return (
    <article class="correction" aria-labelledby={`${id}-heading`} data-correction={c.id}>
      <h2 id={`${id}-heading`}>
        {c.entity.name} <span class="subtle">FIW {c.edition}</span>
      </h2>
      <p>
        <span class={`correction-state correction-state-${c.state}`} data-testid="correction-state">
          {CORRECTION_STATE_LABELS[c.state]}
        </span>{' '}
        · <a href={studioHref({ screen: 'assessment', id: c.assessmentId })}>the assessment</a>
      </p>
      <dl class="correction-facts">
        <dt>Proposed by</dt>
        <dd>
          {c.createdBy.name} <span class="subtle">{c.createdAt.slice(0, 10)}</span>
        </dd>
        <dt>Reason</dt>
        <dd data-testid="correction-reason">{c.reason}</dd>
        {c.note && (
          <>
            <dt>Reviewer’s note</dt>
            <dd data-testid="correction-note">{c.note}</dd>
          </>
        )}
      </dl>
      <h3 class="correction-changes-heading">{c.state === 'published' ? 'What it changed' : 'What it changes'}</h3>
      <ChangeList changes={c.changes} empty="It changes nothing published (any longer)." />
      <FormProblems messages={top} />
      {c.release !== null && (
        <p role="status" class="correction-published">
          Published as release {c.release}. <a href={countryHref}>{c.entity.name}’s country page</a> ·{' '}
          <a href="/downloads">Downloads</a>
        </p>
      )}
      {canReview && (
        <div class="correction-review">
          <FormField label="Note" error={noteError} hint="What to fix: needed to return it.">
            {(control) => (
              <textarea {...control} rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
            )}
          </FormField>
          <div class="button-row">
            {may(c, user, 'approve') && (
              <button type="button" disabled={busy} onClick={() => void review('approve')}>
                Approve
              </button>
            )}
            {may(c, user, 'return') && (
              <button type="button" class="secondary-button" disabled={busy} onClick={() => void review('return')}>
                Return
              </button>
            )}
          </div>
        </div>
      )}
      {canResubmit &&
        (resubmitting ? (
          <Resubmit
            c={c}
            onDone={(next) => {
              setResubmitting(false);
              setC(next);
            }}
          />
        ) : (
          <button type="button" onClick={() => setResubmitting(true)}>
            Resubmit
          </button>
        ))}
      {may(c, user, 'publish') && (
        <button type="button" disabled={busy} onClick={() => void publish()}>
          Publish as the next release
        </button>
      )}
    </article>
  );
}

/**
 * `/studio/corrections?edition=&state=`: corrections to published
 * assessments, newest first, with what each changes and the moves this user
 * may make on it — review (not one's own), resubmit (one's own, returned),
 * publish (editors, approved).
 */
export function CorrectionsPage({ edition, state }: { edition: number | null; state: CorrectionState | null }) {
  const { api, navigate } = useStudio();
  const [list] = useAnswer(() => api.corrections({ edition, state }), [api, edition, state]);
  const [editionText, setEditionText] = useState(edition === null ? '' : String(edition));
  const [stateChoice, setStateChoice] = useState<string>(state ?? '');
  const filter = (event: Event) => {
    event.preventDefault();
    const e = editionText.trim();
    navigate(
      studioHref({
        screen: 'corrections',
        edition: /^\d{4}$/.test(e) ? Number(e) : null,
        state: (CORRECTION_STATES as readonly string[]).includes(stateChoice) ? (stateChoice as CorrectionState) : null,
      }),
    );
  };
  return (
    <div class="corrections-page">
      <h1>Corrections</h1>
      <p>
        Corrections to published assessments. Propose one on a published assessment’s page; it is public once an editor
        publishes it as the edition’s next release.
      </p>
      <form class="corrections-filter" onSubmit={filter}>
        <FormField label="Edition">
          {(control) => (
            <input
              {...control}
              class="edition-input"
              inputMode="numeric"
              value={editionText}
              onInput={(e) => setEditionText(e.currentTarget.value)}
            />
          )}
        </FormField>
        <FormField label="State">
          {(control) => (
            <select {...control} value={stateChoice} onChange={(e) => setStateChoice(e.currentTarget.value)}>
              <option value="">Any</option>
              {CORRECTION_STATES.map((s) => (
                <option key={s} value={s}>
                  {CORRECTION_STATE_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <button type="submit">Show</button>
      </form>
      <LoadedView state={list}>
        {({ corrections }) =>
          corrections.length === 0 ? (
            <p>No corrections{edition || state ? ' match' : ' yet'}.</p>
          ) : (
            <div class="correction-list">
              {corrections.map((c) => (
                <CorrectionItem key={c.id} initial={c} />
              ))}
            </div>
          )
        }
      </LoadedView>
    </div>
  );
}
