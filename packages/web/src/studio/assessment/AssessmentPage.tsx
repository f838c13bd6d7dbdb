import {
  INDICATORS,
  roleAllows,
  SUBCATEGORIES,
  SUBCATEGORY_CODES,
  TRANSITIONS,
  type IndicatorCode,
  type ReviewWarning,
  type WorkflowAction,
  methodologyFor,
  shapeOf,
} from '@freedom-ratings/core';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Comment, VerdictList } from '../../api/studio-client.js';
import { ProposeCorrection } from '../corrections/ProposeCorrection.js';
import { LoadedView } from '../loaded-view.js';
import { Comments } from '../review/Comments.js';
import { History } from '../review/History.js';
import { VerdictButtons } from '../review/VerdictButtons.js';
import { useStudio } from '../studio-context.js';
import { useAnswer } from '../use-answer.js';
import type { SaveState } from './autosave.js';
import { canEdit } from './can-edit.js';
import { AssessmentHeader } from './AssessmentHeader.js';
import {
  ASSESSMENT_TEXTS,
  scoreField,
  sectionLabel,
  textField,
  valueOf,
  type Fields,
  type StudioAssessment,
} from './fields.js';
import { FiguresPanel } from './FiguresPanel.js';
import { indexMethodologyOf } from './index-form.js';
import { IndexForm } from './IndexForm.js';
import { TextEditor } from './TextEditor.js';
import { useAssessmentAutosave } from './use-assessment-autosave.js';
import { allowedMoves, moveSaved, WorkflowBar } from './WorkflowBar.js';
import { liveFigures, previousOf } from './live-figures.js';
import { ScoreControl } from './ScoreControl.js';

function methodologyQuestion(a: StudioAssessment, code: string): string | undefined {
  const m = a.methodology ?? methodologyFor(a.edition.edition);
  return m && shapeOf(m).indicators.find((i) => i.code === code)?.question;
}

/** Where a refused save's problem belongs: `scores.B2` → the B2 control. */
function refusedAt(state: SaveState): Map<string, string> {
  const at = new Map<string, string>();
  if (state.kind !== 'refused') return at;
  const problems = (state.details as { problems?: { path?: string; message?: string }[] } | null)?.problems ?? [];
  for (const p of problems) {
    const score = /^scores\.(\w+)$/.exec(p.path ?? '');
    if (score) at.set(scoreField(score[1]!), p.message ?? state.message);
  }
  return at;
}

function Warnings({ warnings, id }: { warnings: ReviewWarning[]; id?: string }) {
  if (warnings.length === 0) return null;
  return (
    <ul class="warnings" id={id}>
      {warnings.map((w, i) => (
        <li key={i} class={`warning-${w.severity}`} data-warning={w.code}>
          {w.message}
        </li>
      ))}
    </ul>
  );
}

function IndicatorBlock(props: {
  a: StudioAssessment;
  code: IndicatorCode;
  fields: Fields;
  editable: boolean;
  warnings: ReviewWarning[];
  error: string | undefined;
  edit(key: string, value: string | number | null): void;
  commentsSlot: preact.ComponentChildren;
}) {
  const { a, code, fields } = props;
  const value = valueOf(fields, scoreField(code));
  const text = (valueOf(fields, textField('indicator', code)) as string | null) ?? '';
  const previousScore = a.previous?.scores[code];
  const previousText = a.previous?.narratives.find((n) => n.section === 'indicator' && n.code === code)?.body ?? '';
  const keep = () => {
    if (previousScore !== undefined) props.edit(scoreField(code), previousScore);
    if (previousText) props.edit(textField('indicator', code), previousText);
  };
  // The edition's official wording where it is loaded, else the methodology file's own question.
  const question = a.questions?.[code] ?? methodologyQuestion(a, code);
  const notesId = `notes-${code}`;
  return (
    <div class="indicator" id={`indicator-${code}`}>
      <div class="indicator-main">
        <ScoreControl
          code={code}
          title={INDICATORS[code].title}
          value={typeof value === 'number' ? value : null}
          disabled={!props.editable}
          onScore={(n) => props.edit(scoreField(code), n)}
          onKeep={a.previous ? keep : undefined}
          describedBy={notesId}
        />
        <div id={notesId}>
          {question && <p class="question">{question}</p>}
          {props.error && (
            <p class="field-error">
              {code}: {props.error}
            </p>
          )}
          <Warnings warnings={props.warnings} />
        </div>
        <TextEditor
          id={`text-${code}`}
          label={`Text for ${code}`}
          value={text}
          disabled={!props.editable}
          onText={(t) => props.edit(textField('indicator', code), t)}
        />
      </div>
      {a.previous && (
        <aside class="indicator-previous" aria-label={`${code} in ${a.previous.edition}`}>
          <p>
            <strong>{a.previous.edition}:</strong> {previousScore ?? '—'}
            {typeof value === 'number' && previousScore !== undefined && value !== previousScore && (
              <span class="change">
                {' '}
                ({value - previousScore > 0 ? '+' : '−'}
                {Math.abs(value - previousScore)})
              </span>
            )}
          </p>
          {previousText && <p class="previous-text">{previousText}</p>}
          {props.editable && (
            <button type="button" onClick={keep} aria-keyshortcuts="k">
              Keep {a.previous.edition}’s {code} <span class="subtle">(k)</span>
            </button>
          )}
        </aside>
      )}
      {props.commentsSlot}
    </div>
  );
}

function AssessmentForm({
  initial,
  reloadComments,
  comments,
}: {
  initial: StudioAssessment;
  reloadComments(): void;
  comments: Comment[];
}) {
  const { api, user } = useStudio();
  const [verdicts, setVerdicts] = useState<VerdictList['verdicts']>([]);
  useEffect(() => {
    void api.verdicts(initial.id).then((answer) => answer.ok && setVerdicts(answer.body.verdicts));
  }, [api, initial.id]);
  const { autosave, reason, setReason } = useAssessmentAutosave(initial);
  const state = autosave.state;

  const a = autosave.assessment;
  const fields = autosave.fields();
  const previous = useMemo(() => previousOf(a), [a]);
  const live = liveFigures(a, fields, previous);
  const editable = canEdit(a, user) && state.kind !== 'conflict';
  const errors = refusedAt(state);
  const edit = (key: string, value: string | number | null) => autosave.edit(key, value);
  const warningsFor = (field: string) => live.warnings.filter((w) => w.field === field);
  const general = live.warnings.filter((w) => !(w.field in INDICATORS));
  const canReview = a.state === 'submitted' && roleAllows(user.role, TRANSITIONS.approve.roles);

  const onMove = async (action: WorkflowAction, note: string): Promise<string | null> => {
    const refused = await moveSaved(api, autosave, action, note);
    if (refused) return refused;
    if (action === 'return' && note) await api.addComment(a.id, null, note);
    reloadComments();
    return null;
  };

  return (
    <article class="assessment" aria-labelledby="assessment-heading">
      <AssessmentHeader autosave={autosave} editable={editable} reason={reason} setReason={setReason} />
      <ProposeCorrection a={a} />
      <div class="assessment-layout">
        <div class="assessment-body">
          <Warnings warnings={general} id="general-warnings" />
          {a.granularity !== 'indicators' && (
            <p>This assessment is held at the {a.granularity} level; the studio scores indicator assessments.</p>
          )}
          {a.granularity === 'indicators' &&
            SUBCATEGORY_CODES.map((sub) => (
              <section key={sub} class="subcategory" aria-labelledby={`sub-${sub}`}>
                <h2 id={`sub-${sub}`}>
                  {sub}. {SUBCATEGORIES[sub].name}{' '}
                  <span class="subtle">
                    {live.figures?.subcategories?.[sub] ?? '—'}/{SUBCATEGORIES[sub].max}
                  </span>
                </h2>
                {SUBCATEGORIES[sub].indicators.map((code) => (
                  <IndicatorBlock
                    key={code}
                    a={a}
                    code={code}
                    fields={fields}
                    editable={editable}
                    warnings={warningsFor(code)}
                    error={errors.get(scoreField(code))}
                    edit={edit}
                    commentsSlot={
                      <>
                        <VerdictButtons
                          id={a.id}
                          code={code}
                          verdicts={verdicts}
                          canReview={canReview}
                          onChange={(l) => setVerdicts(l.verdicts)}
                        />
                        <details class="indicator-comments">
                          <summary>
                            Comments on {code} ({comments.filter((c) => c.code === code).length})
                          </summary>
                          <Comments
                            id={a.id}
                            code={code}
                            comments={comments}
                            onChange={reloadComments}
                            label={`Comment on ${code}`}
                          />
                        </details>
                      </>
                    }
                  />
                ))}
              </section>
            ))}
          <section class="assessment-texts" aria-labelledby="texts-heading">
            <h2 id="texts-heading">Texts</h2>
            <div class="trend-arrow">
              <label for="trend-arrow">Trend arrow</label>
              <select
                id="trend-arrow"
                disabled={!editable}
                value={(valueOf(fields, 'trendArrow') as string | null) ?? ''}
                onChange={(e) => edit('trendArrow', e.currentTarget.value || null)}
              >
                <option value="">None</option>
                <option value="up">Up</option>
                <option value="down">Down</option>
              </select>
              <Warnings warnings={warningsFor('trendArrow')} />
            </div>
            {ASSESSMENT_TEXTS.map((section) => (
              <TextEditor
                key={section}
                id={`text-${section}`}
                label={`${sectionLabel(section)}${section === 'trend-arrow' ? ' (the arrow’s reason)' : ''}`}
                rows={section === 'overview' || section === 'key-developments' ? 6 : 3}
                value={(valueOf(fields, textField(section)) as string | null) ?? ''}
                disabled={!editable}
                onText={(t) => edit(textField(section), t)}
              />
            ))}
          </section>
          <WorkflowBar moves={allowedMoves(a, user)} onMove={onMove} />
          <section aria-labelledby="general-comments-heading">
            <h2 id="general-comments-heading">Comments on the whole assessment</h2>
            <Comments
              id={a.id}
              code={null}
              comments={comments}
              onChange={reloadComments}
              label="Comment on the assessment"
            />
          </section>
          <History id={a.id} version={a.version} />
        </div>
        <FiguresPanel live={live} previousEdition={a.previous?.edition ?? null} />
      </div>
    </article>
  );
}

/** The scoring form of one assessment: `/studio/assessments/{id}`. */
export function AssessmentPage({ id }: { id: number }) {
  const { api } = useStudio();
  const [assessment] = useAnswer(() => api.assessment(id), [api, id]);
  const [comments, reloadComments] = useAnswer(() => api.comments(id), [api, id]);
  return (
    <LoadedView state={assessment}>
      {(a) => {
        // An organisation's own index gets the generic form; FIW's PR and CL keep theirs.
        const index = indexMethodologyOf(a);
        if (index) return <IndexForm key={a.id} initial={a} methodology={index} />;
        return (
          <AssessmentForm
            key={a.id}
            initial={a}
            comments={comments.kind === 'ok' ? comments.value.comments : []}
            reloadComments={() => void reloadComments()}
          />
        );
      }}
    </LoadedView>
  );
}
