import { CORRECTION_PROPOSERS, roleAllows } from '@freedom-ratings/core';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Correction, StudioUser } from '../../api/studio-client.js';
import type { StudioAssessment } from '../assessment/fields.js';
import { useStudio } from '../studio-context.js';
import { studioHref } from '../studio-url.js';
import { ChangeList } from './ChangeList.js';
import { CorrectionForm } from './CorrectionForm.js';

/** Who may propose one: the API's rule (analysts assigned to it, editors, admins). */
export function mayPropose(a: StudioAssessment, user: StudioUser): boolean {
  if (a.state !== 'published' || !roleAllows(user.role, CORRECTION_PROPOSERS)) return false;
  return user.role !== 'analyst' || a.assignees.some((p) => p.id === user.id);
}

/**
 * On a published assessment's page: a correction to propose, starting from
 * the published values. Once proposed it goes to review at
 * /studio/corrections; the public sees nothing until an editor publishes it.
 */
export function ProposeCorrection({ a }: { a: StudioAssessment }) {
  const { api, user } = useStudio();
  const [proposed, setProposed] = useState<Correction | null>(null);
  const [round, setRound] = useState(0);
  const done = useRef<HTMLDivElement>(null);
  // The form is gone: take focus (and the view) to what became of it, not leave it far down the page.
  useEffect(() => {
    if (proposed) done.current?.focus();
  }, [proposed]);
  if (!mayPropose(a, user)) return null;
  const list = studioHref({ screen: 'corrections', edition: a.edition.edition, state: null });
  return (
    <section class="propose-correction" aria-labelledby="propose-correction-heading">
      <h2 id="propose-correction-heading">Propose a correction</h2>
      {proposed ? (
        <div role="status" data-testid="correction-proposed" ref={done} tabIndex={-1}>
          <p>
            Correction {proposed.id} proposed: it awaits review. The public sees the published values until an editor
            publishes it. <a href={list}>Corrections of {a.edition.edition}</a>
          </p>
          <ChangeList changes={proposed.changes} empty="It changes nothing published." />
          <button
            type="button"
            onClick={() => {
              setProposed(null);
              setRound((r) => r + 1);
            }}
          >
            Propose another correction
          </button>
        </div>
      ) : (
        <details class="propose-correction-details">
          <summary>Correct a published value of {a.entity.name}</summary>
          <CorrectionForm
            key={round}
            a={a}
            submitLabel="Propose the correction"
            send={(patch) => api.proposeCorrection(a.id, patch)}
            onSent={setProposed}
          />
        </details>
      )}
    </section>
  );
}
