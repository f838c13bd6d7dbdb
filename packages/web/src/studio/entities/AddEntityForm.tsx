import { ENTITY_KINDS, FH_REGIONS, normalizeEntityName } from '@freedom-ratings/core';
import type { RegistryEntity } from '../../api/studio-client.js';
import { useStudio } from '../studio-context.js';
import type { ApiProblem } from './answer-problems.js';
import { listLines, newEntityRequest, type NewEntityForm } from './entity-requests.js';
import { FormField, FormProblems, FormDone, EditionInput } from './FormField.js';
import { useRegistryForm } from './use-registry-form.js';

const EMPTY: NewEntityForm = {
  name: '',
  kind: 'country',
  region: 'Europe',
  codeKind: 'project',
  code: '',
  first: '',
  variants: '',
};

/** Which field of the form an API problem is about (the slug comes from the name; a taken variant is a variant's). */
function fieldOf(values: NewEntityForm) {
  return (p: ApiProblem): string | null => {
    const field = p.field.split('.')[0]!;
    if (field === 'code' || field === 'iso3') return 'code';
    if (field === 'id') return 'name';
    if (field === 'name') {
      const quoted = /"([^"]+)"/.exec(p.message)?.[1];
      const isVariant =
        quoted !== undefined &&
        listLines(values.variants).some((v) => normalizeEntityName(v) === normalizeEntityName(quoted));
      return isVariant ? 'variants' : 'name';
    }
    if (field === 'kind' || field === 'region' || field === 'first' || field === 'variants') return field;
    return null;
  };
}

/** Adding a country or territory (admins): the API proposes the slug and, without a code, a project code. */
export function AddEntityForm({ onAdded }: { onAdded(entity: RegistryEntity): void }) {
  const { api } = useStudio();
  const { values, set, problems, done, busy, submit } = useRegistryForm(EMPTY);
  const error = problems.fields;
  return (
    <form
      class="studio-form registry-form"
      aria-labelledby="add-entity-heading"
      noValidate
      onSubmit={(event) =>
        void submit(event, {
          request: () => newEntityRequest(values),
          send: (body) => api.addEntity(body),
          fieldOf: fieldOf(values),
          onDone: (e) => {
            onAdded(e);
            return `Added ${e.name}: id ${e.id}, code ${e.code}, ${e.kind}, ${e.region}.`;
          },
        })
      }
    >
      <h2 id="add-entity-heading">Add an entity</h2>
      <FormProblems messages={problems.top} />
      <FormField label="Name" error={error.name}>
        {(c) => <input {...c} value={values.name} onInput={(e) => set('name', e.currentTarget.value)} />}
      </FormField>
      <div class="field-pair">
        <FormField label="Kind" error={error.kind}>
          {(c) => (
            <select
              {...c}
              value={values.kind}
              onChange={(e) => set('kind', e.currentTarget.value as typeof values.kind)}
            >
              {ENTITY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Region" error={error.region}>
          {(c) => (
            <select
              {...c}
              value={values.region}
              onChange={(e) => set('region', e.currentTarget.value as typeof values.region)}
            >
              {FH_REGIONS.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <div class="field-pair">
        <FormField label="Code is">
          {(c) => (
            <select
              {...c}
              value={values.codeKind}
              onChange={(e) => set('codeKind', e.currentTarget.value as typeof values.codeKind)}
            >
              <option value="project">a project code</option>
              <option value="iso3">ISO 3166-1 alpha-3</option>
            </select>
          )}
        </FormField>
        <FormField label="Code" error={error.code} hint="Three letters; leave empty for a proposed X code.">
          {(c) => (
            <input
              {...c}
              value={values.code}
              maxLength={3}
              autoCapitalize="characters"
              class="code-input"
              onInput={(e) => set('code', e.currentTarget.value)}
            />
          )}
        </FormField>
      </div>
      <FormField label="First edition" error={error.first} hint="Optional: the first edition it is rated in.">
        {(c) => <EditionInput control={c} value={values.first} onValue={(v) => set('first', v)} />}
      </FormField>
      <FormField label="Name variants" error={error.variants} hint="Other spellings imports accept, one per line.">
        {(c) => (
          <textarea {...c} rows={2} value={values.variants} onInput={(e) => set('variants', e.currentTarget.value)} />
        )}
      </FormField>
      <div class="button-row">
        <button type="submit" disabled={busy}>
          Add entity
        </button>
      </div>
      <FormDone done={done} />
    </form>
  );
}
