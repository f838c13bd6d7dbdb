import { roleAllows } from '@freedom-ratings/core';
import { Fragment } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { RegistryEntity, RegistryList } from '../../api/studio-client.js';
import { LoadedView } from '../loaded-view.js';
import { useStudio } from '../studio-context.js';
import { studioHref } from '../studio-url.js';
import { useAnswer } from '../use-answer.js';
import { AddEntityForm } from './AddEntityForm.js';
import { EntityChanges } from './EntityChanges.js';
import { searchRegistry } from './registry-search.js';
import { SuccessionForm } from './SuccessionForm.js';

function editions(e: RegistryEntity): string {
  if (e.firstEdition === null) return e.lastEdition === null ? '—' : `until ${e.lastEdition}`;
  return e.lastEdition === null ? `${e.firstEdition}–` : `${e.firstEdition}–${e.lastEdition}`;
}

function OtherNames({ e }: { e: RegistryEntity }) {
  const former = e.formerNames.map((f) => `${f.name} (until ${f.untilEdition})`);
  const all = [...former, ...e.variants];
  if (all.length === 0) return <span class="subtle">none</span>;
  return <span class="other-names">{all.join('; ')}</span>;
}

function EntityRow(props: {
  e: RegistryEntity;
  canChange: boolean;
  open: boolean;
  onToggle(): void;
  onChanged(): void;
}) {
  const { e } = props;
  const editorId = `changes-${e.id}`;
  return (
    <Fragment>
      <tr>
        <th scope="row">
          {e.name}
          <br />
          <span class="subtle">{e.id}</span>
          {e.addedAt && <span class="added-tag"> added {e.addedAt.slice(0, 10)}</span>}
        </th>
        <td>{e.kind}</td>
        <td>
          <code>{e.code}</code>
          {e.iso3 === null && <span class="subtle"> (project)</span>}
        </td>
        <td>{e.region}</td>
        <td class="nowrap">{editions(e)}</td>
        <td>
          <OtherNames e={e} />
        </td>
        {props.canChange && (
          <td>
            <button
              type="button"
              class="secondary-button"
              aria-expanded={props.open}
              aria-controls={props.open ? editorId : undefined}
              onClick={props.onToggle}
            >
              Change<span class="visually-hidden"> {e.name}</span>
            </button>
          </td>
        )}
      </tr>
      {props.open && (
        <tr class="changes-row" id={editorId}>
          <td colSpan={7}>
            <EntityChanges entity={e} onChanged={props.onChanged} />
          </td>
        </tr>
      )}
    </Fragment>
  );
}

function Successions({ list }: { list: RegistryList }) {
  const nameOf = new Map(list.entities.map((e) => [e.id, e.name]));
  return (
    <div class="table-scroll" role="region" aria-label="Successions" tabIndex={0}>
      <table class="studio-table">
        <caption>{list.successions.length} successions</caption>
        <thead>
          <tr>
            <th scope="col">Edition</th>
            <th scope="col">Kind</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Series</th>
          </tr>
        </thead>
        <tbody>
          {list.successions.map((s) => (
            <tr key={`${s.from}>${s.to}@${s.edition}`}>
              <td>{s.edition}</td>
              <td>{s.kind}</td>
              <td>{nameOf.get(s.from) ?? s.from}</td>
              <td>{nameOf.get(s.to) ?? s.to}</td>
              <td>{s.continues ? 'continues' : 'starts its own'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The entity registry (`/studio/entities`): every country and territory with
 * its codes, region, editions and other names, searchable. Editors read it;
 * admins (the only role the API lets change it) also add entities, rename,
 * reclassify, add spellings and record successions. Every change reloads the list.
 */
export function EntitiesPage({ q }: { q: string }) {
  const { api, user } = useStudio();
  const canRead = roleAllows(user.role, ['editor']);
  const canChange = user.role === 'admin';
  const [registry, reload] = useAnswer(() => api.registry(), [api]);
  const [query, setQuery] = useState(q);
  const [open, setOpen] = useState<string | null>(null);

  const search = (value: string) => {
    setQuery(value);
    // The address keeps the search, as every studio address says where one is (no history entry per key).
    history.replaceState(null, '', studioHref({ screen: 'entities', q: value }));
  };
  const found = useMemo(
    () => (registry.kind === 'ok' ? searchRegistry(registry.value.entities, query) : []),
    [registry, query],
  );

  if (!canRead) {
    return (
      <>
        <h1>Entities</h1>
        <p role="alert">The entity registry is for editors and admins.</p>
      </>
    );
  }
  return (
    <>
      <h1>Entities</h1>
      <p class="subtle">
        Every country and territory imports and assessments can name.{' '}
        {canChange ? 'Changes apply at once to imports and public pages.' : 'Only admins change the registry.'}
      </p>
      {canChange && (
        <div class="registry-forms">
          <AddEntityForm
            onAdded={(e) => {
              void reload();
              search(e.name);
            }}
          />
          <SuccessionForm
            entities={registry.kind === 'ok' ? registry.value.entities : []}
            onRecorded={() => void reload()}
          />
        </div>
      )}
      <h2 id="registry-list-heading">Registry</h2>
      <div class="registry-search" role="search">
        <label for="registry-q">Search entities</label>
        <input
          id="registry-q"
          type="search"
          value={query}
          aria-describedby="registry-q-hint"
          onInput={(e) => search(e.currentTarget.value)}
        />
        <p id="registry-q-hint" class="subtle">
          Name, former name, variant, code or slug.
        </p>
      </div>
      <LoadedView state={registry}>
        {(list) => (
          <>
            <div class="table-scroll" role="region" aria-labelledby="registry-list-heading" tabIndex={0}>
              <table class="studio-table registry-table">
                <caption aria-live="polite">
                  {found.length === list.entities.length
                    ? `${list.entities.length} entities`
                    : `${found.length} of ${list.entities.length} entities`}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Code</th>
                    <th scope="col">Region</th>
                    <th scope="col">Editions</th>
                    <th scope="col">Other names</th>
                    {canChange && (
                      <th scope="col">
                        <span class="visually-hidden">Actions</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {found.map((e) => (
                    <EntityRow
                      key={e.id}
                      e={e}
                      canChange={canChange}
                      open={open === e.id}
                      onToggle={() => setOpen(open === e.id ? null : e.id)}
                      onChanged={() => void reload()}
                    />
                  ))}
                </tbody>
              </table>
            </div>
            <h2>Successions</h2>
            <Successions list={list} />
          </>
        )}
      </LoadedView>
    </>
  );
}
