import { ENTITY_KINDS, FH_REGIONS, type EntityKind, type FhRegion } from '@freedom-ratings/core';
import type { RegistryEntity } from '../../api/studio-client.js';
import { useStudio } from '../studio-context.js';
import type { ApiProblem } from './answer-problems.js';
import { reclassifyRequest, renameRequest } from './entity-requests.js';
import { FormField, FormProblems, FormDone, EditionInput } from './FormField.js';
import { useRegistryForm } from './use-registry-form.js';

/** A problem of a one-entity change: at the field named, a taken name at the name field, the rest at the top. */
const fieldIn =
  (fields: Record<string, string>) =>
  (p: ApiProblem): string | null =>
    fields[p.field.split('.')[0]!] ?? null;

function RenameForm({ entity, onChanged }: { entity: RegistryEntity; onChanged(): void }) {
  const { api } = useStudio();
  const { values, set, problems, done, busy, submit } = useRegistryForm({ name: '', fromEdition: '' });
  const headingId = `rename-${entity.id}`;
  return (
    <form
      class="registry-change"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) =>
        void submit(event, {
          request: () => renameRequest(values),
          send: (body) => api.renameEntity(entity.id, body),
          fieldOf: fieldIn({ name: 'name', fromEdition: 'fromEdition' }),
          onDone: (e, body) => {
            onChanged();
            return `Renamed ${entity.name} to ${e.name}${body.fromEdition ? ` from ${body.fromEdition}` : ''}.`;
          },
        })
      }
    >
      <h3 id={headingId}>Rename</h3>
      <FormProblems messages={problems.top} />
      <FormField label="New name" error={problems.fields.name}>
        {(c) => <input {...c} value={values.name} onInput={(e) => set('name', e.currentTarget.value)} />}
      </FormField>
      <FormField
        label="From edition"
        error={problems.fields.fromEdition}
        hint="Editions before it keep the old name; empty: every edition."
      >
        {(c) => <EditionInput control={c} value={values.fromEdition} onValue={(v) => set('fromEdition', v)} />}
      </FormField>
      <button type="submit" disabled={busy}>
        Rename
      </button>
      <FormDone done={done} />
    </form>
  );
}

function ReclassifyForm({ entity, onChanged }: { entity: RegistryEntity; onChanged(): void }) {
  const { api } = useStudio();
  const { values, set, problems, done, busy, submit } = useRegistryForm({
    kind: '' as EntityKind | '',
    region: '' as FhRegion | '',
    fromEdition: '',
  });
  const headingId = `reclassify-${entity.id}`;
  return (
    <form
      class="registry-change"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) =>
        void submit(event, {
          request: () => reclassifyRequest(values),
          send: (body) => api.reclassifyEntity(entity.id, body),
          fieldOf: fieldIn({ kind: 'kind', region: 'region', fromEdition: 'fromEdition' }),
          onDone: (e, body) => {
            onChanged();
            return `${e.name} is a ${e.kind} in ${e.region} from ${body.fromEdition}.`;
          },
        })
      }
    >
      <h3 id={headingId}>Reclassify</h3>
      <FormProblems messages={problems.top} />
      <FormField label="New kind" error={problems.fields.kind}>
        {(c) => (
          <select {...c} value={values.kind} onChange={(e) => set('kind', e.currentTarget.value as EntityKind | '')}>
            <option value="">unchanged ({entity.kind})</option>
            {ENTITY_KINDS.filter((k) => k !== entity.kind).map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label="New region" error={problems.fields.region}>
        {(c) => (
          <select {...c} value={values.region} onChange={(e) => set('region', e.currentTarget.value as FhRegion | '')}>
            <option value="">unchanged ({entity.region})</option>
            {FH_REGIONS.filter((r) => r !== entity.region).map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        label="From edition"
        error={problems.fields.fromEdition}
        hint="The first edition with the new kind or region."
      >
        {(c) => <EditionInput control={c} value={values.fromEdition} onValue={(v) => set('fromEdition', v)} />}
      </FormField>
      <button type="submit" disabled={busy}>
        Reclassify
      </button>
      <FormDone done={done} />
    </form>
  );
}

function VariantForm({ entity, onChanged }: { entity: RegistryEntity; onChanged(): void }) {
  const { api } = useStudio();
  const { values, set, problems, done, busy, submit } = useRegistryForm({ name: '' });
  const headingId = `variant-${entity.id}`;
  return (
    <form
      class="registry-change"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) =>
        void submit(event, {
          request: () =>
            values.name.trim() === ''
              ? { ok: false, errors: { name: 'A spelling is needed.' } }
              : { ok: true, request: { name: values.name.trim() } },
          send: (body) => api.addEntityAlias(entity.id, body),
          fieldOf: fieldIn({ name: 'name' }),
          onDone: (e, body) => {
            onChanged();
            return `Imports now accept “${body.name}” as ${e.name}.`;
          },
        })
      }
    >
      <h3 id={headingId}>Add a name variant</h3>
      <FormProblems messages={problems.top} />
      <FormField label="Name variant" error={problems.fields.name} hint="A spelling imports accept.">
        {(c) => <input {...c} value={values.name} onInput={(e) => set('name', e.currentTarget.value)} />}
      </FormField>
      <button type="submit" disabled={busy}>
        Add variant
      </button>
      <FormDone done={done} />
    </form>
  );
}

/** The changes an admin makes to one entity: rename, reclassify, add a spelling. */
export function EntityChanges({ entity, onChanged }: { entity: RegistryEntity; onChanged(): void }) {
  return (
    <div class="registry-changes" role="group" aria-label={`Change ${entity.name}`}>
      <RenameForm entity={entity} onChanged={onChanged} />
      <ReclassifyForm entity={entity} onChanged={onChanged} />
      <VariantForm entity={entity} onChanged={onChanged} />
    </div>
  );
}
