import type { Erratum } from '../../api/client.js';
import { ErrataTable } from '../../components/ErrataTable/ErrataTable.js';

/**
 * What corrections changed in this entity's published figures and texts, in
 * any edition: a reader citing an older release can see what moved and why.
 * One quiet line when nothing was ever corrected.
 */
export function Corrections({ errata, name }: { errata: readonly Erratum[]; name: string }) {
  return (
    <section class="corrections" aria-labelledby="corrections-heading">
      <h2 id="corrections-heading">Corrections</h2>
      {errata.length === 0 ? (
        <p class="corrections__none">No published figure or text of {name} has been corrected.</p>
      ) : (
        <>
          <p>
            Figures and texts of {name} changed after they were first published, each by a new release of its edition.
            Earlier releases stay on the <a href="/downloads">downloads page</a>.
          </p>
          <div class="table-scroll" role="region" aria-label={`Corrections to ${name}`} tabIndex={0}>
            <ErrataTable errata={errata} of="entity" caption={`Corrections to ${name}, oldest first`} />
          </div>
        </>
      )}
    </section>
  );
}
