import type { RecordedSuccessions, RegistryEntity } from '../../api/studio-client.js';
import { useStudio } from '../studio-context.js';
import type { ApiProblem } from './answer-problems.js';
import {
  listLines,
  successionRequest,
  type SuccessionChoice,
  type SuccessionRequest,
  type SuccessionForm as Values,
} from './entity-requests.js';
import { FormField, FormProblems, FormDone, EditionInput } from './FormField.js';
import { useRegistryForm } from './use-registry-form.js';

const EMPTY: Values = { kind: 'split', from: '', to: '', edition: '', continuing: '' };

const CHOICES: Record<SuccessionChoice, string> = {
  split: 'Split (one entity becomes several)',
  merger: 'Merger (several become one)',
  'becomes-country': 'Territory becomes a country',
};

/** Where a problem goes: an unknown entity at the list it was named in, a body path at its field, the rest at the top. */
function fieldOf(values: Values) {
  return (p: ApiProblem): string | null => {
    const field = p.field.split('.')[0]!;
    if (field === 'id' && p.subject !== null) {
      if (listLines(values.from).includes(p.subject)) return 'from';
      if (listLines(values.to).includes(p.subject)) return 'to';
      if (values.continuing.trim() === p.subject) return 'continuing';
      return null;
    }
    if (field === 'fromEdition' || field === 'edition') return 'edition';
    if (field === 'from' || field === 'to' || field === 'continuing') return field;
    // Reclassifying a territory that already is a country: said at the territory.
    if (field === 'kind' && values.kind === 'becomes-country') return 'from';
    return null;
  };
}

/**
 * Recording a change of the map (admins): a split or a merger links the
 * entities before and after from an edition on; a territory that becomes a
 * country stays one entity whose kind changes from that edition.
 */
export function SuccessionForm({ entities, onRecorded }: { entities: readonly RegistryEntity[]; onRecorded(): void }) {
  const { api } = useStudio();
  const { values, set, problems, done, busy, submit } = useRegistryForm(EMPTY);
  const error = problems.fields;
  const becomesCountry = values.kind === 'becomes-country';
  const nameOf = (id: string) => entities.find((e) => e.id === id)?.name ?? id;
  return (
    <form
      class="studio-form registry-form"
      aria-labelledby="succession-heading"
      noValidate
      onSubmit={(event) =>
        void submit<SuccessionRequest, RegistryEntity | RecordedSuccessions>(event, {
          request: () => successionRequest(values),
          send: (r) => (r.op === 'reclassify' ? api.reclassifyEntity(r.entity, r.body) : api.addSuccession(r.body)),
          fieldOf: fieldOf(values),
          onDone: (answer, r) => {
            onRecorded();
            if (r.op === 'reclassify')
              return `${(answer as RegistryEntity).name} is a country from ${r.body.fromEdition}.`;
            const links = (answer as RecordedSuccessions).successions;
            return `Recorded: ${links
              .map((l) => `${nameOf(l.from)} → ${nameOf(l.to)}${l.continues ? ' (continues its series)' : ''}`)
              .join('; ')}, from ${r.body.edition}.`;
          },
        })
      }
    >
      <h2 id="succession-heading">Record a split, merger or new country</h2>
      <FormProblems messages={problems.top} />
      <FormField label="Change">
        {(c) => (
          <select {...c} value={values.kind} onChange={(e) => set('kind', e.currentTarget.value as SuccessionChoice)}>
            {Object.entries(CHOICES).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        label={becomesCountry ? 'Territory' : 'From'}
        error={error.from}
        hint={becomesCountry ? 'Its name, code or slug.' : 'Before the change: names, codes or slugs, one per line.'}
      >
        {(c) => (
          <textarea
            {...c}
            rows={becomesCountry ? 1 : 2}
            value={values.from}
            onInput={(e) => set('from', e.currentTarget.value)}
          />
        )}
      </FormField>
      {!becomesCountry && (
        <FormField
          label="To"
          error={error.to}
          hint="After the change, one per line (the entity itself may be among them)."
        >
          {(c) => <textarea {...c} rows={2} value={values.to} onInput={(e) => set('to', e.currentTarget.value)} />}
        </FormField>
      )}
      <div class="field-pair">
        <FormField label="Edition" error={error.edition} hint="The first edition after the change.">
          {(c) => <EditionInput control={c} value={values.edition} onValue={(v) => set('edition', v)} />}
        </FormField>
        {!becomesCountry && (
          <FormField
            label="Continuing successor"
            error={error.continuing}
            hint="Optional: the one whose history reaches back."
          >
            {(c) => (
              <input {...c} value={values.continuing} onInput={(e) => set('continuing', e.currentTarget.value)} />
            )}
          </FormField>
        )}
      </div>
      <div class="button-row">
        <button type="submit" disabled={busy}>
          Record
        </button>
      </div>
      <FormDone done={done} />
    </form>
  );
}
