import { INDICATORS, SUBCATEGORIES, SUBCATEGORY_CODES, type TrendArrow } from '@freedom-ratings/core';
import { useId, useMemo, useState } from 'preact/hooks';
import type { Answer, Correction } from '../../api/studio-client.js';
import {
  applyEdits,
  ASSESSMENT_TEXTS,
  fieldsOf,
  patchOf,
  sameValue,
  scoreField,
  sectionLabel,
  textField,
  valueOf,
  type FieldValue,
  type Fields,
  type StudioAssessment,
} from '../assessment/fields.js';
import { ScoreControl } from '../assessment/ScoreControl.js';
import { FormField, FormProblems } from '../entities/FormField.js';
import { showProblems, type ShownProblems } from '../entities/answer-problems.js';
import { ChangeList } from './ChangeList.js';
import { correctionPreview } from './correction-preview.js';

/** Where the API's problem belongs: `scores.B2` → the B2 control, `reason` → the Reason field. */
function fieldOfProblem(path: string): string | null {
  if (path === 'reason') return 'reason';
  const score = /^scores\.(\w+)$/.exec(path);
  if (score) return scoreField(score[1]!);
  if (path === 'trendArrow') return 'trendArrow';
  return null;
}

/**
 * The values of a published assessment as a correction would set them, the
 * reason, and a live preview of every published value it changes (core, in
 * the browser). Sends the edits only — what differs from the published
 * assessment — and shows a refusal at the field it concerns or at the top.
 */
export function CorrectionForm(props: {
  a: StudioAssessment;
  /** The edits a returned correction proposed, to start from. */
  initialEdits?: Fields;
  initialReason?: string;
  submitLabel: string;
  send(patch: ReturnType<typeof patchOf>): Promise<Answer<Correction>>;
  onSent(correction: Correction): void;
}) {
  const { a } = props;
  const id = useId();
  const published = useMemo(() => fieldsOf(a), [a]);
  const [edits, setEdits] = useState<Fields>(props.initialEdits ?? {});
  // A returned correction's texts open where it edited them; afterwards the reader opens and closes them.
  const [editedAtStart] = useState(() => new Set(Object.keys(props.initialEdits ?? {})));
  const [reason, setReason] = useState(props.initialReason ?? '');
  const [problems, setProblems] = useState<ShownProblems>({ fields: {}, top: [] });
  const [sending, setSending] = useState(false);
  const fields = applyEdits(published, edits);
  const preview = useMemo(() => correctionPreview(a, edits), [a, edits]);

  const edit = (key: string, value: FieldValue) => {
    setEdits((e) => {
      const next = { ...e };
      // A value set back to the published one is no edit: the correction sends only what it changes.
      if (sameValue(value, valueOf(published, key))) delete next[key];
      else next[key] = value;
      return next;
    });
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setSending(true);
    const answer = await props.send(patchOf(edits, reason.trim()));
    setSending(false);
    if (!answer.ok) {
      setProblems(showProblems(answer, (p) => fieldOfProblem(p.field)));
      return;
    }
    setProblems({ fields: {}, top: [] });
    props.onSent(answer.body);
  };

  const scoreError = (code: string) => problems.fields[scoreField(code)];
  const overview = (valueOf(fields, textField('overview')) as string | null) ?? '';
  return (
    <form class="correction-form" noValidate onSubmit={(e) => void submit(e)}>
      <FormProblems messages={problems.top} />
      {a.granularity === 'indicators' &&
        SUBCATEGORY_CODES.map((sub) => (
          <fieldset key={sub} class="correction-subcategory">
            <legend>
              {sub}. {SUBCATEGORIES[sub].name}
            </legend>
            {SUBCATEGORIES[sub].indicators.map((code) => {
              const value = valueOf(fields, scoreField(code));
              return (
                <div key={code} class="correction-score">
                  <ScoreControl
                    code={code}
                    title={INDICATORS[code].title}
                    value={typeof value === 'number' ? value : null}
                    disabled={sending}
                    onScore={(n) => edit(scoreField(code), n)}
                    describedBy={scoreError(code) ? `${id}-${code}-error` : undefined}
                  />
                  {scoreError(code) && (
                    <p class="field-error" id={`${id}-${code}-error`}>
                      {code}: {scoreError(code)}
                    </p>
                  )}
                  <details class="correction-text" open={editedAtStart.has(textField('indicator', code)) || undefined}>
                    <summary>{code} text</summary>
                    <FormField label={`Text for ${code}`}>
                      {(control) => (
                        <textarea
                          {...control}
                          rows={4}
                          value={(valueOf(fields, textField('indicator', code)) as string | null) ?? ''}
                          readOnly={sending}
                          onInput={(e) => edit(textField('indicator', code), e.currentTarget.value)}
                        />
                      )}
                    </FormField>
                  </details>
                </div>
              );
            })}
          </fieldset>
        ))}
      {a.granularity === 'subcategories' &&
        SUBCATEGORY_CODES.map((code) => {
          const value = valueOf(fields, scoreField(code));
          return (
            <FormField
              key={code}
              label={`${code} ${SUBCATEGORIES[code].name} (0–${SUBCATEGORIES[code].max})`}
              error={scoreError(code)}
            >
              {(control) => (
                <input
                  {...control}
                  type="number"
                  class="subcategory-input"
                  min={0}
                  max={SUBCATEGORIES[code].max}
                  value={typeof value === 'number' ? value : ''}
                  disabled={sending}
                  onInput={(e) => {
                    const n = e.currentTarget.valueAsNumber;
                    if (Number.isInteger(n)) edit(scoreField(code), n);
                  }}
                />
              )}
            </FormField>
          );
        })}
      {a.granularity !== 'indicators' && a.granularity !== 'subcategories' && (
        <p>
          This assessment is held at the {a.granularity} level: a correction here changes its texts and trend arrow.
        </p>
      )}
      <FormField label="Trend arrow" error={problems.fields.trendArrow}>
        {(control) => (
          <select
            {...control}
            value={(valueOf(fields, 'trendArrow') as string | null) ?? ''}
            disabled={sending}
            onChange={(e) => edit('trendArrow', (e.currentTarget.value || null) as TrendArrow | null)}
          >
            <option value="">None</option>
            <option value="up">Up</option>
            <option value="down">Down</option>
          </select>
        )}
      </FormField>
      <FormField label="Overview text">
        {(control) => (
          <textarea
            {...control}
            rows={4}
            value={overview}
            readOnly={sending}
            onInput={(e) => edit(textField('overview'), e.currentTarget.value)}
          />
        )}
      </FormField>
      {ASSESSMENT_TEXTS.filter((section) => section !== 'overview').map((section) => (
        <details key={section} class="correction-text" open={editedAtStart.has(textField(section)) || undefined}>
          <summary>{`${sectionLabel(section)} text`}</summary>
          <FormField label={`${sectionLabel(section)} text`}>
            {(control) => (
              <textarea
                {...control}
                rows={3}
                value={(valueOf(fields, textField(section)) as string | null) ?? ''}
                readOnly={sending}
                onInput={(e) => edit(textField(section), e.currentTarget.value)}
              />
            )}
          </FormField>
        </details>
      ))}
      <section class="correction-preview" aria-labelledby={`${id}-preview`}>
        <h3 id={`${id}-preview`}>What it changes</h3>
        <div aria-live="polite" data-testid="correction-preview">
          <ChangeList changes={preview} empty="Nothing yet: change a value above." />
        </div>
      </section>
      <FormField
        label="Reason"
        error={problems.fields.reason}
        hint="Why the published value was wrong: the errata log shows it to the public."
      >
        {(control) => (
          <textarea
            {...control}
            rows={2}
            value={reason}
            readOnly={sending}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
        )}
      </FormField>
      <button type="submit" disabled={sending}>
        {props.submitLabel}
      </button>
    </form>
  );
}
