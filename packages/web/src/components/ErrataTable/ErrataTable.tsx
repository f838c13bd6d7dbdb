import { editionInfo } from '@freedom-ratings/core';
import type { Erratum } from '../../api/client.js';
import { hrefOf } from '../../app/url-state.js';
import { erratumDate, erratumValue } from './erratum-value.js';

function Value({ field, value }: { field: string; value: Erratum['old'] }) {
  const { shown, full } = erratumValue(field, value);
  return (
    <span class="errata__value" title={full ?? undefined}>
      {shown}
    </span>
  );
}

const editionLabel = (edition: number) => `FIW ${editionInfo(edition)?.label ?? edition}`;

/**
 * A log of corrections as a compact table, oldest first as the API gives it.
 * `of` says what the log is of, so the table leaves out the column that would
 * repeat it: one edition's log names the entity of each entry (linked to its
 * country page in that edition), one entity's log names the edition.
 */
export function ErrataTable({
  errata,
  of,
  caption,
}: {
  errata: readonly Erratum[];
  of: 'edition' | 'entity';
  caption: string;
}) {
  return (
    <table class="errata">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{of === 'edition' ? 'Country or territory' : 'Edition'}</th>
          <th scope="col">Figure or text</th>
          <th scope="col">Was → now</th>
          <th scope="col">Reason</th>
          <th scope="col">Release</th>
          <th scope="col">Date</th>
        </tr>
      </thead>
      <tbody>
        {errata.map((e, i) => {
          const country = hrefOf({ page: 'country', slug: e.entity.id, edition: e.edition, vs: null, changed: false });
          return (
            <tr key={i}>
              <td>
                {of === 'edition' ? (
                  <a href={country}>{e.entity.name}</a>
                ) : (
                  <a href={country} class="errata__edition">
                    {editionLabel(e.edition)}
                  </a>
                )}
              </td>
              <td>{e.label}</td>
              <td class="errata__change">
                <Value field={e.field} value={e.old} /> → <Value field={e.field} value={e.new} />
              </td>
              <td class="errata__reason">{e.reason}</td>
              <td>{e.release}</td>
              <td class="errata__date">{erratumDate(e)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
