import { shapeOf, type Methodology } from '@freedom-ratings/core';
import { useStudio } from '../studio-context.js';
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
import { TextEditor } from './TextEditor.js';
import { liveIndexFigures, refusedScores } from './index-form.js';
import { IndexFiguresPanel } from './IndexFiguresPanel.js';
import { IndexScoreControl } from './IndexScoreControl.js';
import { useAssessmentAutosave } from './use-assessment-autosave.js';
import { allowedMoves, moveSaved, WorkflowBar } from './WorkflowBar.js';

/** One score of the form: its control, the methodology's question and a refused save's message. */
function ScoreRow(props: {
  code: string;
  title: string;
  question: string | undefined;
  max: number;
  fields: Fields;
  editable: boolean;
  error: string | undefined;
  /** Whether the row has a text of its own (indicators do; a subcategory total or a discretionary answer does not). */
  withText: boolean;
  edit(key: string, value: string | number | null): void;
}) {
  const value = valueOf(props.fields, scoreField(props.code));
  const text = (valueOf(props.fields, textField('indicator', props.code)) as string | null) ?? '';
  const notesId = `notes-${props.code}`;
  return (
    <div class="indicator" id={`indicator-${props.code}`}>
      <div class="indicator-main">
        <IndexScoreControl
          code={props.code}
          title={props.title}
          value={typeof value === 'number' ? value : null}
          max={props.max}
          disabled={!props.editable}
          onScore={(n) => props.edit(scoreField(props.code), n)}
          describedBy={notesId}
        />
        <div id={notesId}>
          {props.question && <p class="question">{props.question}</p>}
          {props.error && (
            <p class="field-error">
              {props.code}: {props.error}
            </p>
          )}
        </div>
      </div>
      {props.withText && (
        <TextEditor
          id={`text-${props.code}`}
          label={`Text for ${props.code}`}
          value={text}
          disabled={!props.editable}
          onText={(t) => props.edit(textField('indicator', props.code), t)}
        />
      )}
    </div>
  );
}

/**
 * The scoring form of an assessment whose methodology is not FIW's PR/CL form
 * (an organisation's own index): its categories → subcategories → indicators
 * with a 0–max control each, its discretionary questions, and figures that
 * core's `assessIndex` recomputes on every change. Edits save as the FIW
 * form's do: kept in the browser, sent by PATCH with If-Match.
 */
export function IndexForm({ initial, methodology }: { initial: StudioAssessment; methodology: Methodology }) {
  const { api, user } = useStudio();
  const { autosave, reason, setReason } = useAssessmentAutosave(initial);
  const state = autosave.state;

  const a = autosave.assessment;
  const fields = autosave.fields();
  const live = liveIndexFigures(a, methodology, fields);
  const editable = canEdit(a, user) && state.kind !== 'conflict';
  const errors = refusedScores(state);
  const edit = (key: string, value: string | number | null) => autosave.edit(key, value);
  const byIndicators = a.granularity === 'indicators';
  const subtotal = (code: string) => live.figures?.subcategories?.[code] ?? '—';
  const categoryScore = (i: number) => live.figures?.categories[i]?.score ?? '—';

  return (
    <article class="assessment" aria-labelledby="assessment-heading">
      <AssessmentHeader
        autosave={autosave}
        editable={editable}
        reason={reason}
        setReason={setReason}
        editionNote={` (${methodology.name})`}
      />
      <div class="assessment-layout">
        <div class="assessment-body">
          {!byIndicators && a.granularity !== 'subcategories' && (
            <p>This assessment is held at the {a.granularity} level; the studio scores indicators and subcategories.</p>
          )}
          {(byIndicators || a.granularity === 'subcategories') &&
            methodology.categories.map((c, i) => (
              <section key={c.code} class="index-category" aria-labelledby={`cat-${c.code}`}>
                <h2 id={`cat-${c.code}`}>
                  {c.code} {c.name}{' '}
                  <span class="subtle">
                    {categoryScore(i)}/{c.max}
                  </span>
                </h2>
                {c.subcategories.map((s) =>
                  byIndicators ? (
                    <section key={s.code} class="subcategory" aria-labelledby={`sub-${s.code}`}>
                      <h3 id={`sub-${s.code}`}>
                        {s.code} {s.name}{' '}
                        <span class="subtle">
                          {subtotal(s.code)}/{s.max}
                        </span>
                      </h3>
                      {s.indicators.map((ind) => (
                        <ScoreRow
                          key={ind.code}
                          code={ind.code}
                          title={ind.title}
                          question={a.questions?.[ind.code] ?? ind.question}
                          max={ind.max}
                          fields={fields}
                          editable={editable}
                          error={errors.get(ind.code)}
                          withText
                          edit={edit}
                        />
                      ))}
                    </section>
                  ) : (
                    <ScoreRow
                      key={s.code}
                      code={s.code}
                      title={s.name}
                      question={undefined}
                      max={s.max}
                      fields={fields}
                      editable={editable}
                      error={errors.get(s.code)}
                      withText={false}
                      edit={edit}
                    />
                  ),
                )}
              </section>
            ))}
          {methodology.discretionary.length > 0 && (
            <section class="index-discretionary" aria-labelledby="discretionary-heading">
              <h2 id="discretionary-heading">Discretionary questions</h2>
              {methodology.discretionary.map((q) => (
                <ScoreRow
                  key={q.code}
                  code={q.code}
                  title={`${q.label} (${q.effect} ${q.effect === 'adds' ? 'to' : 'from'} ${q.category})`}
                  question={q.summary}
                  max={q.max}
                  fields={fields}
                  editable={editable}
                  error={errors.get(q.code)}
                  withText={false}
                  edit={edit}
                />
              ))}
            </section>
          )}
          <section class="assessment-texts" aria-labelledby="texts-heading">
            <h2 id="texts-heading">Texts</h2>
            {ASSESSMENT_TEXTS.map((section) => (
              <TextEditor
                key={section}
                id={`text-${section}`}
                label={sectionLabel(section)}
                rows={section === 'overview' || section === 'key-developments' ? 6 : 3}
                value={(valueOf(fields, textField(section)) as string | null) ?? ''}
                disabled={!editable}
                onText={(t) => edit(textField(section), t)}
              />
            ))}
          </section>
          <p class="subtle">
            {shapeOf(methodology).indicatorCodes.length} indicators in {methodology.categories.length} categories; the
            methodology file is at /api/v1/editions/{a.edition.edition}/methodology.
          </p>
        </div>
        <IndexFiguresPanel live={live} methodology={methodology} />
      </div>
      <WorkflowBar moves={allowedMoves(a, user)} onMove={(action, note) => moveSaved(api, autosave, action, note)} />
    </article>
  );
}
